using System.Globalization;

namespace PostfixLint.Simulation.Checks;

/// <summary>
/// UTF-8 domain names as Postfix checks them: <c>src/util/midna_domain.c</c> <c>midna_domain_to_ascii()</c> (ICU
/// <c>uidna_nameToASCII_UTF8()</c>, UTS #46 with <c>UIDNA_NONTRANSITIONAL_TO_ASCII</c> only: no STD3 rules, no
/// BiDi or CONTEXTJ check, then <c>valid_hostname()</c> on the result) and
/// <c>src/util/valid_utf8_hostname.c</c>.
/// </summary>
/// <remarks>
/// The library runs with invariant globalization, where <see cref="IdnMapping"/> does no UTS #46 mapping (NFKC, width
/// folding) and adds a BiDi check that Postfix does not ask ICU for; so Punycode (RFC 3492) is computed here and the
/// mapping is approximated: case is folded with the invariant simple lowercase, code points UTS #46 disallows are approximated by
/// their general category (controls, format characters other than ZWNJ/ZWJ, separators, private use, surrogates,
/// unassigned), a label may not start with a combining mark, and Punycode is computed per label. Compatibility forms
/// (full-width letters, decomposed sequences) are not mapped as ICU maps them: such a name is still judged valid, but
/// its A-label differs from Postfix's.
/// </remarks>
internal static class MidnaDomain
{
    /// <summary>valid_utf8_hostname(): a non-ASCII name must convert to ASCII when UTF-8 is enabled; else valid_hostname().</summary>
    public static bool ValidUtf8Hostname(bool enableUtf8, string name) =>
        enableUtf8 && !System.Text.Ascii.IsValid(name) ? ToAscii(name) is not null : HostSyntax.ValidHostname(name);

    /// <summary>midna_domain_to_ascii(): the A-label form of <paramref name="name"/>, or null when Postfix cannot convert it.</summary>
    public static string? ToAscii(string name)
    {
        if (name.Length == 0)
        {
            return null;
        }

        var labels = name.ToLowerInvariant().Split('.');
        for (var i = 0; i < labels.Length; i++)
        {
            var label = labels[i];
            if (label.Length == 0)
            {
                // UIDNA_ERROR_EMPTY_LABEL, except for the root label after a final dot.
                if (i == labels.Length - 1 && i > 0)
                {
                    continue;
                }

                return null;
            }

            if (System.Text.Ascii.IsValid(label))
            {
                continue;
            }

            if (!ValidULabel(label))
            {
                return null;
            }

            labels[i] = "xn--" + Punycode(label);
        }

        var ascii = string.Join('.', labels);
        return HostSyntax.ValidHostname(ascii.EndsWith('.') ? ascii[..^1] : ascii) ? ascii : null;
    }

    /// <summary>UTS #46 section 4.1 label checks that ICU applies without extra options, and its disallowed code points (approximated).</summary>
    private static bool ValidULabel(string label)
    {
        if (label[0] == '-' || label[^1] == '-' || (label.Length >= 4 && label[2] == '-' && label[3] == '-'))
        {
            return false;
        }

        if (CharUnicodeInfo.GetUnicodeCategory(label, 0) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
        {
            return false;
        }

        for (var i = 0; i < label.Length; i++)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(label, i);
            if (char.IsHighSurrogate(label[i]) && i + 1 < label.Length && char.IsLowSurrogate(label[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(label[i]))
            {
                return false;
            }

            switch (category)
            {
                case UnicodeCategory.Format when label[i] is not ('\u200c' or '\u200d'):
                case UnicodeCategory.Control:
                case UnicodeCategory.SpaceSeparator:
                case UnicodeCategory.LineSeparator:
                case UnicodeCategory.ParagraphSeparator:
                case UnicodeCategory.PrivateUse:
                case UnicodeCategory.OtherNotAssigned:
                    return false;
            }
        }

        return true;
    }

    /// <summary>RFC 3492 Punycode encoding of one label (without the <c>xn--</c> prefix).</summary>
    private static string Punycode(string label)
    {
        const int Base = 36, TMin = 1, TMax = 26, Skew = 38, Damp = 700, InitialBias = 72, InitialN = 128;
        var codePoints = new List<int>();
        for (var i = 0; i < label.Length; i++)
        {
            var cp = char.ConvertToUtf32(label, i);
            codePoints.Add(cp);
            if (cp > 0xFFFF)
            {
                i++;
            }
        }

        var output = new System.Text.StringBuilder();
        foreach (var cp in codePoints.Where(cp => cp < 0x80))
        {
            output.Append((char)cp);
        }

        var basic = output.Length;
        var handled = basic;
        if (basic > 0)
        {
            output.Append('-');
        }

        int Adapt(int delta, int points, bool first)
        {
            delta = first ? delta / Damp : delta / 2;
            delta += delta / points;
            var k = 0;
            while (delta > ((Base - TMin) * TMax) / 2)
            {
                delta /= Base - TMin;
                k += Base;
            }

            return k + (((Base - TMin + 1) * delta) / (delta + Skew));
        }

        static char Digit(int d) => (char)(d < 26 ? 'a' + d : '0' + (d - 26));

        int n = InitialN, bias = InitialBias;
        long delta = 0;
        while (handled < codePoints.Count)
        {
            var m = codePoints.Where(cp => cp >= n).Min();
            delta += (long)(m - n) * (handled + 1);
            n = m;
            foreach (var cp in codePoints)
            {
                if (cp < n)
                {
                    delta++;
                }
                else if (cp == n)
                {
                    var q = delta;
                    for (var k = Base; ; k += Base)
                    {
                        var t = k <= bias ? TMin : k >= bias + TMax ? TMax : k - bias;
                        if (q < t)
                        {
                            break;
                        }

                        output.Append(Digit((int)(t + ((q - t) % (Base - t)))));
                        q = (q - t) / (Base - t);
                    }

                    output.Append(Digit((int)q));
                    bias = Adapt((int)delta, handled + 1, handled == basic);
                    delta = 0;
                    handled++;
                }
            }

            delta++;
            n++;
        }

        return output.ToString();
    }
}
