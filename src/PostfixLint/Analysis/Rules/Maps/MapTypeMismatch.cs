using System.Net;
using PostfixLint.Diagnostics;
using PostfixLint.Model;
using PostfixLint.Syntax;
using PostfixLint.Syntax.Tables;

namespace PostfixLint.Analysis.Rules.Maps;

/// <summary>PFL409: a fixed-key table (hash, lmdb, texthash, ...) whose lines are regexp or cidr patterns.</summary>
internal sealed class MapTypeMismatch : Rule
{
    /// <summary>The rule's descriptor.</summary>
    public static RuleDescriptor Meta { get; } = new(
        "PFL409", "map-type-mismatch", "A lookup table's type does not match the syntax of its file",
        DiagnosticSeverity.Warning, RuleCategory.Maps, FixAvailability.Sometimes);

    /// <inheritdoc />
    public override RuleDescriptor Descriptor => Meta;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        var seen = new HashSet<(string, string)>();
        foreach (var reference in ReferencedTables.Of(context))
        {
            if (reference.Format != TableSourceFormat.Postmap || !reference.HasFile
                || ReferencedTables.FileOf(context, reference) is not { Source: { } source } file
                || !seen.Add((file.ActualPath, reference.Type)))
            {
                continue;
            }

            // Both pattern syntaxes have a '/' in the key: only those lines are read again (a table may have 10^6 lines).
            var patterns = source.EntriesWithKeyContaining('/').Where(e => e.Kind == TableEntryKind.Entry)
                .Select(e => (Entry: e, Type: PatternType(e.Key))).Where(p => p.Type is not null).ToList();
            if (patterns.Count == 0)
            {
                continue;
            }

            var (first, type) = patterns[0];
            var all = patterns.Count == source.EntryCount && patterns.All(p => p.Type == type);
            context.Report(Meta,
                $"{reference.Spec}, line {first.Line}: `{first.Key}` is a {type} pattern, but {reference.Type} tables match keys literally, "
                + $"so {(patterns.Count == 1 ? "this line never matches" : $"this line and {patterns.Count - 1} more never match")}",
                new SourceLocation(file.ActualPath, first.KeySpan),
                all ? TypeFix(reference, type!) : null,
                help: $"name the table `{type}:{reference.Name}` (a {type} table needs no postmap), or write literal keys");
        }
    }

    /// <summary>"regexp" for <c>/pattern/flags</c>, "cidr" for <c>address/length</c>, else null.</summary>
    private static string? PatternType(string key)
    {
        if (key.Length > 2 && key[0] == '/' && key.LastIndexOf('/') is var end and > 0
            && key.AsSpan(end + 1).IndexOfAnyExcept("imxsAXUu") < 0 && !key.AsSpan(1, end - 1).Contains('/'))
        {
            return "regexp";
        }

        return key.Contains('/') && IPNetwork.TryParse(key.Trim('[', ']'), out _) ? "cidr" : null;
    }

    // Unsafe: the table's behaviour changes from "never matches" to matching; only the admin knows the patterns are right.
    private static Fix? TypeFix(TableReference reference, string type)
    {
        if (reference.Origin is not { Location: { } location, IsExpanded: false } || location.Span.Length != reference.Spec.Length)
        {
            return null;
        }

        return Fix.Create($"Read {reference.Name} as a {type} table", FixSafety.Unsafe, location.Path,
            TextEdit.Replace(new TextSpan(location.Span.Start, reference.Type.Length), type));
    }
}
