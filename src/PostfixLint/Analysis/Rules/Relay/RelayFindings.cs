using System.Net;
using PostfixLint.Analysis.Relay;
using PostfixLint.Model;
using PostfixLint.Simulation;

namespace PostfixLint.Analysis.Rules.Relay;

/// <summary>Shared wording and positions for findings that come from the relay analysis.</summary>
internal static class RelayFindings
{
    /// <summary>Where the deciding restriction is written; null when it is a default or built in.</summary>
    public static SourceLocation? At(TraceEntry? deciding) =>
        deciding?.Source is { Path: { } path, Span: { } span } ? new SourceLocation(path, span) : null;

    /// <summary><c>permit_mynetworks in smtpd_relay_restrictions (main.cf:11)</c>, or the end of the lists.</summary>
    public static string Describe(TraceEntry? deciding)
    {
        if (deciding is null)
        {
            return "no restriction decided (the lists ended, which permits)";
        }

        return TraceReading.Describe(deciding);
    }

    /// <summary>
    /// Where to point a finding about <paramref name="client"/>: the deciding restriction when it is written somewhere;
    /// for a default <c>permit_mynetworks</c>, the mynetworks entry that lets the client in.
    /// </summary>
    public static SourceLocation? At(RuleContext context, TraceEntry? deciding, MasterService? service, IPAddress client)
    {
        if (At(deciding) is { } written)
        {
            return written;
        }

        if (deciding is null || !deciding.Restriction.Equals("permit_mynetworks", StringComparison.OrdinalIgnoreCase)
            || context.Config.GetNetworkList("mynetworks", service) is not { } networks)
        {
            return null;
        }

        var entry = networks.Value.Entries.FirstOrDefault(e => !e.IsNegated && e.Network is { } network && network.Contains(client));
        return entry?.Origin?.Location;
    }

    /// <summary>The simulator's notes on the deciding restriction, for the text output's trace.</summary>
    public static IEnumerable<string> Trace(SimulationResult result) =>
        result.Trace.Where(t => t.Result is not (TraceResult.Skipped or TraceResult.NotReached) && !t.Restriction.StartsWith('('))
            .Select(t => $"{t.List}: {t.Restriction} -> {t.Result.ToString().ToLowerInvariant()}"
                         + (t.Notes.IsEmpty ? "" : $" ({string.Join("; ", t.Notes)})"));
}
