using PostfixLint.Diagnostics;
using PostfixLint.Model;
using PostfixLint.Syntax;

namespace PostfixLint.Analysis.Rules.Syntax;

/// <summary>PFL070: <c># text</c> after a main.cf value, which Postfix makes part of the value.</summary>
internal sealed class CommentAfterValue : Rule
{
    /// <summary>The rule's descriptor.</summary>
    public static RuleDescriptor Meta { get; } = new(
        "PFL070", "comment-after-value", "A main.cf value has # text after it, which Postfix makes part of the value",
        DiagnosticSeverity.Warning, RuleCategory.Syntax, FixAvailability.Sometimes);

    /// <inheritdoc />
    public override RuleDescriptor Descriptor => Meta;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        if (context.Config.MainCf is not { } mainCf)
        {
            return;
        }

        var text = mainCf.Document.Text;
        var classes = context.Config.GetList("smtpd_restriction_classes")?.Value.Select(e => e.Text).ToHashSet(StringComparer.Ordinal) ?? [];
        foreach (var parameter in mainCf.Parameters)
        {
            // smtpd reports these itself (PFL060, network-list-comment) when it builds the list.
            if (NetworkListMessages.Parameters.Contains(parameter.Name) || FindComment(parameter.Value) is not { } at)
            {
                continue;
            }

            var start = parameter.ToSourceOffset(at);
            var lineEnd = text.IndexOfAny(['\r', '\n'], start) is var end and >= 0 ? end : text.Length;
            var comment = text[start..lineEnd].TrimEnd(' ', '\t');
            var cut = start;
            while (cut > parameter.ValueSpan.Start && text[cut - 1] is ' ' or '\t')
            {
                cut--;
            }

            var lineStart = parameter.Span.Start;
            var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";

            // Safe, except in a restriction list: there the comment's words are read as restrictions (an unknown one
            // answers 451 and stops the list), so taking them out changes which mail gets through.
            var restrictions = parameter.Name.EndsWith("_restrictions", StringComparison.Ordinal) || classes.Contains(parameter.Name);
            var fix = Fix.Create($"Move `{comment}` to its own line above `{parameter.Name}`",
                restrictions ? FixSafety.Unsafe : FixSafety.Safe, mainCf.Document.Path,
                TextEdit.Insert(lineStart, comment + newline), TextEdit.Delete(TextSpan.FromBounds(cut, lineEnd)));
            context.Report(Meta,
                $"`{comment}` is part of the value of {parameter.Name}: Postfix has no end-of-line comments, so it reads `{parameter.Value.Trim()}`",
                new SourceLocation(mainCf.Document.Path, TextSpan.FromBounds(start, start + comment.Length)), fix,
                help: "put comments on their own line, starting with #");
        }
    }

    /// <summary>The offset in <paramref name="value"/> of a <c>#</c> word (followed by a blank, another <c>#</c> or the end) outside <c>{ }</c>; null when there is none.</summary>
    private static int? FindComment(string value)
    {
        var depth = 0;
        for (var i = 0; i < value.Length; i++)
        {
            switch (value[i])
            {
                case '{':
                    depth++;
                    break;
                case '}':
                    depth = Math.Max(0, depth - 1);
                    break;
                // "# text": a word that is only "#" reads as a comment; "#1" in a banner is more likely meant as text.
                case '#' when depth == 0 && i > 0 && char.IsWhiteSpace(value[i - 1])
                              && (i + 1 == value.Length || char.IsWhiteSpace(value[i + 1]) || value[i + 1] == '#'):
                    return i;
            }
        }

        return null;
    }
}
