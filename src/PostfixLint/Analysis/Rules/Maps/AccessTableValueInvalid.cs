using PostfixLint.Diagnostics;
using PostfixLint.Model;
using PostfixLint.Model.Values;
using PostfixLint.Simulation.Checks;
using PostfixLint.Syntax.Tables;

namespace PostfixLint.Analysis.Rules.Maps;

/// <summary>PFL408: an access-table value that smtpd cannot act on, or that does not mean what it looks like.</summary>
internal sealed class AccessTableValueInvalid : Rule
{
    // check_table_result() (src/smtpd/smtpd_check.c): the action words it recognises before anything else.
    private static readonly HashSet<string> s_actions = new(StringComparer.OrdinalIgnoreCase)
    {
        "OK", "RELAY", "REJECT", "DEFER", "DUNNO", "HANGUP", "INFO", "WARN", "FILTER", "HOLD", "REDIRECT", "BCC", "PREPEND",
        "DISCARD", "DEFER_IF_PERMIT", "DEFER_IF_REJECT",
    };

    /// <summary>The rule's descriptor.</summary>
    public static RuleDescriptor Meta { get; } = new(
        "PFL408", "access-table-value-invalid", "An access-table value is not an action smtpd can take",
        DiagnosticSeverity.Warning, RuleCategory.Maps);

    /// <inheritdoc />
    public override RuleDescriptor Descriptor => Meta;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        var classes = context.SettingsOf(null).GetList("smtpd_restriction_classes").ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<(string, int)>();
        foreach (var reference in ReferencedTables.Of(context))
        {
            if (reference.Use != TableUse.Access || !reference.HasFile
                || ReferencedTables.FileOf(context, reference) is not { Source: { } syntax } file)
            {
                continue;
            }

            foreach (var entry in syntax.Entries)
            {
                if (entry.Kind != TableEntryKind.Entry || entry.ValueSpan.Length == 0
                    || Problem(entry.Value, classes) is not { } problem || !seen.Add((file.ActualPath, entry.ValueSpan.Start)))
                {
                    continue;
                }

                context.Report(Meta, $"{reference.Spec}, line {entry.Line}: `{entry.Value}` {problem}",
                    new SourceLocation(file.ActualPath, entry.ValueSpan),
                    help: "use OK, DUNNO, REJECT [text], DEFER [text], a 4xx/5xx code with text, or restriction names (see access(5))");
            }
        }
    }

    /// <summary>What is wrong with <paramref name="value"/> as check_table_result() reads it; null when nothing is.</summary>
    private static string? Problem(string value, HashSet<string> classes)
    {
        var command = value.Split([' ', '\t'], 2)[0];
        if (s_actions.Contains(command))
        {
            return null;
        }

        if (value.All(char.IsAsciiDigit))
        {
            // check_table_result(): an all-numeric value is OK; the 4xx/5xx test needs text after the code.
            return value.Length == 3 && value[0] is '4' or '5'
                ? "is all digits, which smtpd reads as OK, not as a reject code: write text after the code (`" + value + " Access denied`)"
                : null;
        }

        if (command.Length == 3 && command.All(char.IsAsciiDigit) && command[0] is '4' or '5')
        {
            return null;
        }

        if (value.Contains('$', StringComparison.Ordinal))
        {
            // A regexp/pcre substitution: what it gives is known only at lookup time.
            return null;
        }

        if (value.Contains(':', StringComparison.Ordinal))
        {
            return "names a lookup table, which smtpd refuses inside an access table (451 4.3.5 Server configuration error): "
                   + "define a restriction class and name it instead";
        }

        foreach (var restriction in RestrictionList.Parse(value, null, "Client host"))
        {
            if (restriction.Problem is { } bad)
            {
                return $"has a restriction smtpd cannot run ({bad.Warning}): 451 4.3.5 Server configuration error when it matches";
            }

            var name = restriction.NormalizedName;
            if (RestrictionHandlers.Find(name) is null && !classes.Contains(restriction.Name) && name != "reject_sender_login_mismatch"
                && !s_actions.Contains(restriction.Name))
            {
                return $"is not an access action, and `{restriction.Name}` is not a restriction smtpd knows: "
                       + "451 4.3.5 Server configuration error when it matches";
            }
        }

        return null;
    }
}
