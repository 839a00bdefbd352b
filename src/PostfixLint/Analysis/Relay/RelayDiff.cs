using System.Collections.Immutable;
using PostfixLint.Model;
using PostfixLint.Simulation;

namespace PostfixLint.Analysis.Relay;

/// <summary>What a change to the configuration does to relaying: the relay-matrix classes of both sides, simulated on both sides.</summary>
/// <remarks>
/// The classes are made from the union of both configurations' inputs (client boundaries, recipients, SASL logins,
/// listeners), so a class either side tells apart is probed on both. A cell counts as changed when its decision or its
/// final reply text differs; a deciding restriction that only moved to another line does not count.
/// </remarks>
public static class RelayDiff
{
    /// <summary>Compares the relay behaviour of <paramref name="old"/> and <paramref name="new"/>.</summary>
    /// <param name="old">The configuration before the change.</param>
    /// <param name="new">The configuration after the change.</param>
    /// <param name="policy">An intent policy whose ranges and logins become classes too; null for none.</param>
    /// <param name="options">Settings for the simulator on both sides; null for the defaults.</param>
    public static RelayDiffResult Compare(PostfixConfig old, PostfixConfig @new, RelayPolicy? policy = null, RelayAnalysisOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(@new);
        options ??= new RelayAnalysisOptions();
        var oldInputs = RelayInputCollector.Collect(old, SmtpdListener.Find(old), policy, options.PatternWitnesses, options.Simulator);
        var newInputs = RelayInputCollector.Collect(@new, SmtpdListener.Find(@new), policy, options.PatternWitnesses, options.Simulator);
        var inputs = Union(oldInputs, newInputs);
        var before = new RelayAnalyzer(old, policy, options, inputs);
        var after = new RelayAnalyzer(@new, policy, options, inputs);

        var changes = ImmutableArray.CreateBuilder<RelayDiffChange>();
        var compared = 0;
        foreach (var service in before.Listeners.Select(l => l.Service).Union(after.Listeners.Select(l => l.Service), StringComparer.Ordinal))
        {
            var oldListener = before.Listeners.FirstOrDefault(l => l.Service == service);
            var newListener = after.Listeners.FirstOrDefault(l => l.Service == service);
            var recipients = Recipients(before, oldListener, after, newListener, inputs.Recipients);
            foreach (var login in new string?[] { null }.Concat(inputs.SaslLogins))
            {
                foreach (var clientClass in inputs.Clients.Classes)
                {
                    foreach (var (recipient, recipientClass) in recipients)
                    {
                        compared++;
                        var oldCell = Cell(before, oldListener, clientClass, login, recipient);
                        var newCell = Cell(after, newListener, clientClass, login, recipient);
                        if (oldCell.Decision == newCell.Decision && string.Equals(oldCell.Reply, newCell.Reply, StringComparison.Ordinal))
                        {
                            continue;
                        }

                        var probe = newListener is null ? before.MatrixProbe(oldListener!, clientClass, login, recipient) : after.MatrixProbe(newListener, clientClass, login, recipient);
                        changes.Add(new RelayDiffChange(service, clientClass, login, recipient, recipientClass, oldCell, newCell, probe));
                    }
                }
            }
        }

        return new RelayDiffResult(changes.ToImmutable(), compared, before.ProbeCount + after.ProbeCount)
        {
            Truncations = [.. oldInputs.Truncations.Union(newInputs.Truncations, StringComparer.Ordinal)],
            UncoveredPatterns = [.. oldInputs.UncoveredPatterns.Union(newInputs.UncoveredPatterns, StringComparer.Ordinal)],
        };
    }

    /// <summary>Both sides' inputs as one: every boundary either draws, every value either names, each side's generic values first.</summary>
    private static RelayInputs Union(RelayInputs old, RelayInputs @new)
    {
        var boundaries = old.Boundaries.Union(@new.Boundaries).ToImmutableArray();
        return new RelayInputs(
            ClientAddressSpace.Partition(boundaries),
            Merge(old.HeloNames, @new.HeloNames, StringComparer.OrdinalIgnoreCase),
            Merge(old.Senders, @new.Senders, StringComparer.OrdinalIgnoreCase),
            Merge(old.Recipients, @new.Recipients, StringComparer.OrdinalIgnoreCase),
            [.. old.SaslLogins.SkipLast(1).Union(@new.SaslLogins.SkipLast(1), StringComparer.Ordinal), .. new[] { old.UnknownLogin, @new.UnknownLogin }.Distinct(StringComparer.Ordinal)],
            Merge(old.ClientNames, @new.ClientNames, StringComparer.OrdinalIgnoreCase))
        {
            Boundaries = boundaries,
        };
    }

    private static ImmutableArray<string> Merge(ImmutableArray<string> first, ImmutableArray<string> second, StringComparer comparer) =>
        [.. first.Union(second, comparer)];

    /// <summary>
    /// One recipient per distinct pair of address classes (old side, new side), the remote recipient first; the class
    /// given is the new side's (the old side's when the listener is gone).
    /// </summary>
    private static List<(string Recipient, AddressClass? Class)> Recipients(
        RelayAnalyzer before, SmtpdListener? oldListener, RelayAnalyzer after, SmtpdListener? newListener, ImmutableArray<string> recipients)
    {
        var seen = new HashSet<(AddressClass?, AddressClass?)>();
        var result = new List<(string, AddressClass?)>();
        foreach (var recipient in recipients)
        {
            var oldClass = oldListener is null ? null : before.RecipientClass(oldListener, recipient);
            var newClass = newListener is null ? null : after.RecipientClass(newListener, recipient);
            if (seen.Add((oldClass, newClass)))
            {
                result.Add((recipient, newListener is null ? oldClass : newClass));
            }
        }

        return result;
    }

    private static RelayMatrixCell Cell(RelayAnalyzer analyzer, SmtpdListener? listener, ClientClass clientClass, string? login, string recipient) =>
        listener is null
            ? new RelayMatrixCell(Decision.Error, null, null, "no such smtpd listener on this side")
            : analyzer.Cell(analyzer.MatrixProbe(listener, clientClass, login, recipient));
}
