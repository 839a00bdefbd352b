using PostfixLint.Analysis.Relay;
using PostfixLint.Diagnostics;
using PostfixLint.Model;
using PostfixLint.Model.Values;
using PostfixLint.Simulation;
using PostfixLint.Syntax;
using PostfixLint.Syntax.Tables;

namespace PostfixLint.Analysis.Rules.Maps;

/// <summary>
/// PFL407: the policy says a login may use a sender address, and the smtpd_sender_login_maps entry that decides it
/// gives the address to other logins only. The generic policy rule reports the violation; this one names the map line.
/// </summary>
internal sealed class SenderLoginMapOwnerMismatch : Rule
{
    /// <summary>The rule's descriptor.</summary>
    public static RuleDescriptor Meta { get; } = new(
        "PFL407", "sender-login-map-owner-mismatch", "smtpd_sender_login_maps gives a sender address to another login than the policy",
        DiagnosticSeverity.Error, RuleCategory.Maps, FixAvailability.Sometimes);

    /// <inheritdoc />
    public override RuleDescriptor Descriptor => Meta;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        if (context.Policy is null || context.Policy.Senders.IsEmpty)
        {
            return;
        }

        var reported = new HashSet<(string, int, string)>();
        foreach (var violation in context.PolicyEvaluation.Violations)
        {
            if (!IsMapDecided(violation, out var decided) || violation.Probe.SaslLogin is not { } login || violation.Probe.Sender is not { Length: > 0 } sender)
            {
                continue;
            }

            if (decided.TableEntry is not { } source || source.Name is not { } spec || MapReference.Parse(spec) is not { } table
                || Entry(context, table, source.Line) is not { } found)
            {
                continue;
            }

            var (file, entry) = found;
            if (!reported.Add((file.ActualPath, entry.Line, login)))
            {
                continue;
            }

            var owners = string.Join(", ", PostfixList.Split(entry.Value).Select(e => e.Text));
            var at = new SourceLocation(file.ActualPath, entry.ValueSpan);
            var reference = string.Equals(table.Type, "texthash", StringComparison.Ordinal) ? null : $"`postmap {spec}`";
            context.Report(Meta,
                $"{spec}, line {entry.Line}: `{entry.Key}` gives {sender} to {owners}, but the policy says {login} may send as {sender}: "
                + $"{TraceReading.FinalReply(violation.Result) ?? violation.Message}",
                at,
                OwnerFix(at, entry, login, spec),
                help: reference is null ? $"make {login} an owner of {sender} in {file.Name}" : $"make {login} an owner of {sender} in {file.Name}, then run {reference}",
                notes: [$"policy: {violation.Message}"]);
        }
    }

    /// <summary>A sender the policy gives a login, refused by a <c>*_sender_login_mismatch</c> that found the sender in a table.</summary>
    internal static bool IsMapDecided(PolicyViolation violation, out TraceEntry decided)
    {
        decided = null!;
        if (violation.Kind != PolicyIntentKind.SenderMay || violation.Probe.SaslLogin is null)
        {
            return false;
        }

        var found = violation.Result.Trace.LastOrDefault(t =>
            t.Result == TraceResult.Reject && t.TableEntry is { Name: not null }
            && t.Restriction.Contains("sender_login_mismatch", StringComparison.OrdinalIgnoreCase));
        if (found is null)
        {
            return false;
        }

        decided = found;
        return true;
    }

    // Unsafe: the logins the map gives the address to now lose it; only the admin knows whether they should keep it.
    private static Fix OwnerFix(SourceLocation at, TableEntrySyntax entry, string login, string spec) =>
        Fix.Create($"Give `{entry.Key}` to {login} in {spec} (line {entry.Line})", FixSafety.Unsafe, at.Path, TextEdit.Replace(at.Span, login));

    private static (TableFile File, TableEntrySyntax Entry)? Entry(RuleContext context, MapReference table, int line)
    {
        var format = table.Type switch
        {
            "hash" or "btree" or "lmdb" or "cdb" or "texthash" => TableSourceFormat.Postmap,
            "regexp" => TableSourceFormat.Regexp,
            "pcre" => TableSourceFormat.Pcre,
            _ => (TableSourceFormat?)null,
        };
        if (format is null || table.IsBraced || ReferencedTables.FileOf(context, table.Name, format.Value) is not { Source: { } source } file)
        {
            return null;
        }

        var entry = source.Entries.FirstOrDefault(e => e.Kind == TableEntryKind.Entry && e.Line == line && e.ValueSpan.Length > 0);
        return entry is null ? null : (file, entry);
    }
}
