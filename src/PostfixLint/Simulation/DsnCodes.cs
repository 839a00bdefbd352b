namespace PostfixLint.Simulation;

/// <summary>RFC 3463 status codes in replies: <c>dsn_valid()</c>, <c>dsn_split()</c> and <c>smtpd_dsn_fix()</c>.</summary>
internal static class DsnCodes
{
    /// <summary>dsn_valid(): the length of a valid <c>x.y.z</c> code at the start of <paramref name="text"/>, else 0.</summary>
    public static int Valid(string text)
    {
        if (text.Length < 2 || text[0] is not ('2' or '4' or '5') || text[1] != '.')
        {
            return 0;
        }

        var p = 2;
        var n = 0;
        while (p + n < text.Length && char.IsAsciiDigit(text[p + n]))
        {
            n++;
        }

        if (n < 1 || n > 3 || p + n >= text.Length || text[p + n] != '.')
        {
            return 0;
        }

        p += n + 1;
        n = 0;
        while (p + n < text.Length && char.IsAsciiDigit(text[p + n]))
        {
            n++;
        }

        if (n < 1 || n > 3 || (p + n < text.Length && !char.IsWhiteSpace(text[p + n])))
        {
            return 0;
        }

        return p + n;
    }

    /// <summary>dsn_split(): an optional RFC 3463 code at the start of the text, else the default.</summary>
    public static (string Dsn, string Text) Split(string defaultDsn, string text)
    {
        var trimmed = text.TrimStart();
        var length = Valid(trimmed);
        if (length > 0)
        {
            return (trimmed[..length], trimmed[length..].TrimStart());
        }

        return (defaultDsn, trimmed);
    }

    /// <summary>smtpd_dsn_fix(): address-specific DSN codes are remapped to the class being rejected.</summary>
    public static string Fix(string status, string replyClass)
    {
        if (status.Length < 5 || !char.IsAsciiDigit(status[0]) || status[1..4] != ".1.")
        {
            return status;
        }

        var micro = status[4..];
        if (replyClass == ReplyClasses.Sender)
        {
            // src/smtpd/smtpd_dsn_fix.c dsn_map[]: SND_DSN (4.1.7) for 1, 3, 4, 6 and 7; 4.1.8 for 2 and 8; 4.1.0 for 5 and others.
            return micro switch { "1" or "3" or "4" or "6" or "7" => "4.1.7", "2" or "8" => "4.1.8", _ => "4.1.0" };
        }

        if (replyClass == ReplyClasses.Recipient)
        {
            return micro switch
            {
                "1" => "4.1.1", "2" or "8" => "4.1.2", "3" or "7" => "4.1.3", "4" => "4.1.4", "5" => "4.1.5", "6" => "4.1.6", _ => "4.1.0",
            };
        }

        return "4.0.0";
    }
}
