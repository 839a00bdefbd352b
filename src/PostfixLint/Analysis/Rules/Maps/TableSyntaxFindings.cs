using PostfixLint.Diagnostics;

namespace PostfixLint.Analysis.Rules.Maps;

/// <summary>
/// What postmap, postalias and the cidr/regexp/pcre readers warn about in each referenced table's source (PFL020–PFL024),
/// as findings in the table file: the lookup-table counterpart of the read findings of main.cf and master.cf.
/// </summary>
internal static class TableSyntaxFindings
{
    /// <summary>The findings of every readable source file the configuration names, each once.</summary>
    public static IEnumerable<Diagnostic> Find(RuleContext context)
    {
        var seen = new HashSet<(string, string, int, string)>();
        foreach (var reference in ReferencedTables.Of(context))
        {
            if (!reference.HasFile || ReferencedTables.FileOf(context, reference) is not { Source: { } syntax } file)
            {
                continue;
            }

            foreach (var diagnostic in syntax.Diagnostics)
            {
                // readllines() words a leading-whitespace line the same in every file; in a table it is PFL024.
                var id = diagnostic.Id == DiagnosticIds.LeadingWhitespace ? DiagnosticIds.TableLeadingWhitespace : diagnostic.Id;
                var message = WithoutLocation(diagnostic.Message, file.Name) + Consequence(id, reference);
                if (!seen.Add((file.ActualPath, id, diagnostic.Span?.Start ?? -1, message)))
                {
                    continue;
                }

                yield return diagnostic with { Id = id, Path = file.ActualPath, Message = message };
            }
        }
    }

    private static string Consequence(string id, TableReference reference) => id switch
    {
        // dict_thash.c: smtpd opens texthash without DICT_FLAG_DUP_*, so one duplicate makes the whole table a surrogate.
        DiagnosticIds.TableDuplicateKey when reference.Type == "texthash" =>
            $" (texthash: smtpd refuses the whole table `{reference.Spec}`, every lookup fails with 451 4.3.5)",
        DiagnosticIds.TableDuplicateKey when reference.DatabaseSuffix is not null =>
            $" ({reference.BuildCommand} keeps the first value)",
        _ => "",
    };

    /// <summary>Postfix starts a table message with <c>path, line N: </c> (or <c>path: </c>); a finding carries its position instead.</summary>
    private static string WithoutLocation(string message, string name)
    {
        foreach (var prefix in new[] { "cidr map ", "regexp map ", "pcre map ", "" })
        {
            var head = prefix + name;
            if (!message.StartsWith(head, StringComparison.Ordinal))
            {
                continue;
            }

            var rest = message.AsSpan(head.Length);
            if (rest.StartsWith(", line ", StringComparison.Ordinal))
            {
                var digits = 7;
                while (digits < rest.Length && char.IsAsciiDigit(rest[digits]))
                {
                    digits++;
                }

                rest = rest[digits..];
            }

            return rest.StartsWith(": ", StringComparison.Ordinal) ? rest[2..].ToString() : message;
        }

        return message;
    }
}
