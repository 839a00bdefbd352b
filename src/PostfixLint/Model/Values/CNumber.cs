namespace PostfixLint.Model.Values;

/// <summary>C library number parsing as Postfix relies on it (strtol with base 10, alldig).</summary>
internal static class CNumber
{
    /// <summary>Emulates <c>strtol(s + start, &amp;end, 10)</c>: skips C white space, takes a sign and digits.</summary>
    /// <returns>The value (clamped like strtol on overflow); <paramref name="end"/> is <paramref name="start"/> when no digits were read.</returns>
    public static long StrToL(string s, int start, out int end, out bool overflow)
    {
        overflow = false;
        var i = start;
        while (i < s.Length && IsCSpace(s[i]))
        {
            i++;
        }

        var negative = false;
        if (i < s.Length && (s[i] == '+' || s[i] == '-'))
        {
            negative = s[i] == '-';
            i++;
        }

        var digitsStart = i;
        Int128 value = 0;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            if (!overflow)
            {
                value = value * 10 + (s[i] - '0');
                if (value > (Int128)long.MaxValue + 1)
                {
                    overflow = true;
                }
            }

            i++;
        }

        if (i == digitsStart)
        {
            end = start;
            return 0;
        }

        end = i;
        if (negative)
        {
            value = -value;
        }

        if (overflow || value > long.MaxValue || value < long.MinValue)
        {
            overflow = true;
            return negative ? long.MinValue : long.MaxValue;
        }

        return (long)value;
    }

    /// <summary>Postfix <c>alldig()</c>: non-empty and only ASCII digits.</summary>
    public static bool AllDigits(string s)
    {
        if (s.Length == 0)
        {
            return false;
        }

        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>C <c>isspace()</c> in the C locale.</summary>
    public static bool IsCSpace(char c) => c is ' ' or '\t' or '\n' or '\v' or '\f' or '\r';
}
