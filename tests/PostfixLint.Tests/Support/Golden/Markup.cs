using System.Collections.Immutable;
using System.Text;

namespace PostfixLint.Tests.Support.Golden;

/// <summary>
/// Inline cases with the expected spans marked by <c>⟦ ⟧</c> (STYLE.md §8): the markers cannot occur in Postfix
/// syntax, unlike <c>[ ]</c> (<c>[::1]/128</c>) and <c>{ }</c> (<c>${name}</c>).
/// </summary>
internal static class Markup
{
    /// <summary>The opening marker.</summary>
    public const char Open = '⟦';

    /// <summary>The closing marker.</summary>
    public const char Close = '⟧';

    /// <summary>The text without markers and the marked spans in order; unbalanced or nested markers throw.</summary>
    public static MarkedText Parse(string marked)
    {
        var text = new StringBuilder(marked.Length);
        var spans = ImmutableArray.CreateBuilder<MarkedSpan>();
        int? open = null;
        foreach (var c in marked)
        {
            if (c == Open)
            {
                if (open is not null)
                {
                    throw new ArgumentException($"nested '{Open}' at offset {text.Length} in: {marked}", nameof(marked));
                }

                open = text.Length;
            }
            else if (c == Close)
            {
                if (open is not { } start)
                {
                    throw new ArgumentException($"'{Close}' without '{Open}' at offset {text.Length} in: {marked}", nameof(marked));
                }

                spans.Add(new MarkedSpan(start, text.Length - start));
                open = null;
            }
            else
            {
                text.Append(c);
            }
        }

        if (open is not null)
        {
            throw new ArgumentException($"'{Open}' at offset {open} is never closed in: {marked}", nameof(marked));
        }

        return new MarkedText(text.ToString(), spans.ToImmutable());
    }
}
