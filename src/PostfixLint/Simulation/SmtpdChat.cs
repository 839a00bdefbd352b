using System.Text;
using PostfixLint.Model.Values;

namespace PostfixLint.Simulation;

/// <summary>
/// What smtpd_chat.c <c>vsmtpd_chat_reply()</c> does to every reply on its way out, whoever made it (a restriction, a
/// syntax error, a command out of order): the <c>smtpd_reject_footer</c> on 4xx/5xx replies, then soft_bounce's 5xx → 4xx.
/// </summary>
internal static class SmtpdChat
{
    // smtp_reply_footer() calls mac_expand() with MAC_EXP_FLAG_APPEND only: a looked-up value is not expanded again.
    private static readonly MacroExpanderOptions s_footerOptions = new() { Recursive = false };

    /// <summary>The reply as the client receives it; continuation lines are joined with <c>\n</c> (as the harness records them).</summary>
    /// <param name="reply">The reply smtpd formatted.</param>
    /// <param name="settings">The listener's settings.</param>
    /// <param name="macros">smtpd_expand.c <c>smtpd_expand_lookup()</c> at the time of the reply (null: an unknown name).</param>
    public static string Reply(string reply, ListenerSettings settings, Func<string, string?> macros)
    {
        // smtpd_reject_footer is a raw parameter (smtpd.c CONFIG_RAW_TABLE): $names are expanded per reply, not at start-up.
        var footer = settings.Raw("smtpd_reject_footer") ?? "";
        if (reply.Length > 0 && reply[0] is '4' or '5' && footer.Length > 0)
        {
            reply = WithFooter(reply, footer, macros);
        }

        if (!settings.GetBool("soft_bounce"))
        {
            return reply;
        }

        // vsmtpd_chat_reply(): soft_bounce turns each line's 5xx code (and a 5.x.x detail right after it) into 4xx.
        var lines = reply.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length > 0 && line[0] == '5')
            {
                line = "4" + line[1..];
                if (line.Length > 4 && line[4] == '5')
                {
                    line = line[..4] + "4" + line[5..];
                }
            }

            lines[i] = line;
        }

        return string.Join('\n', lines);
    }

    /// <summary>
    /// smtp_reply_footer.c <c>smtp_reply_footer()</c>: each <c>\n</c>-separated piece of the template becomes a line with
    /// the reply's code and detail code, except that a leading <c>\c</c> continues the last line; a macro syntax error
    /// drops the whole footer; an unknown name expands to nothing.
    /// </summary>
    internal static string WithFooter(string reply, string template, Func<string, string?> macros)
    {
        var lastLine = reply.LastIndexOf('\n') + 1;
        if (reply.Length - lastLine < 4 || !char.IsAsciiDigit(reply[lastLine]) || !char.IsAsciiDigit(reply[lastLine + 1])
            || !char.IsAsciiDigit(reply[lastLine + 2]) || reply[lastLine + 3] is not (' ' or '-'))
        {
            return reply;
        }

        var code = reply.Substring(lastLine, 3);
        var dsnLength = DsnCodes.Valid(reply[(lastLine + 4)..]);
        var dsn = dsnLength > 0 ? reply.Substring(lastLine + 4, dsnLength) + " " : "";
        var text = new StringBuilder(reply);
        var engine = new MacroEngine(macros, s_footerOptions, scan: false);
        var pieces = template.Split("\\n");
        var lineAdded = false;
        for (var i = 0; i < pieces.Length; i++)
        {
            var piece = pieces[i];
            if (i == 0 && piece.StartsWith("\\c", StringComparison.Ordinal))
            {
                piece = piece[2..];
            }
            else
            {
                text.Append('\n').Append(code).Append(i < pieces.Length - 1 ? '-' : ' ').Append(dsn);
                lineAdded = true;
            }

            if ((engine.Expand(piece, 0, piece.Length, text) & MacroEngine.StatusError) != 0)
            {
                return reply;
            }
        }

        if (lineAdded)
        {
            text[lastLine + 3] = '-';
        }

        return text.ToString();
    }

    /// <summary>
    /// smtpd_expand.c <c>smtpd_expand_lookup()</c>: the names a footer may use. main.cf parameters are not among them
    /// (only <c>server_name</c>, which is myhostname); <c>client_port</c>, <c>reverse_client_name</c> and
    /// <c>localtime</c> are the real connection's and the clock's, so they are left undefined here.
    /// </summary>
    /// <param name="settings">The listener's settings.</param>
    /// <param name="session">The client.</param>
    /// <param name="helo">smtpd's <c>helo_name</c> when the reply is sent (null: none).</param>
    /// <param name="sender">smtpd's <c>sender</c> when the reply is sent: set once MAIL FROM was accepted (null before).</param>
    public static Func<string, string?> Macros(ListenerSettings settings, SessionFacts session, string? helo, string? sender)
    {
        // Read only when a footer asks for a name: most replies have no footer, and every reply gets these macros.
        string? filter = null;
        return name => Filter(
            name switch
            {
                "server_name" => settings.Get("myhostname"),
                "client" => session.NamAddr,
                "client_address" => session.Address,
                "client_name" => session.Name,
                "helo_name" => helo ?? "",
                _ when name.StartsWith("sender", StringComparison.Ordinal) => Address(sender, name["sender".Length..]),

                // rcpt_cmd(): smtpd_check_rcpt() restores the recipient before the reply; only an accepted RCPT keeps it.
                _ when name.StartsWith("recipient", StringComparison.Ordinal) => Address(null, name["recipient".Length..]),
                _ => null,
            },
            filter ??= Unescape(settings.Raw("smtpd_expansion_filter") ?? ""));
    }

    /// <summary>
    /// mac_expand.c with a filter (smtpd_expansion_filter): every byte of a value that is not in the filter becomes
    /// <c>_</c>, so a UTF-8 character becomes one <c>_</c> per byte.
    /// </summary>
    private static string? Filter(string? value, string filter)
    {
        if (value is null || value.All(filter.Contains))
        {
            return value;
        }

        var text = new StringBuilder(value.Length);
        foreach (var rune in value.EnumerateRunes())
        {
            if (rune.IsAscii && filter.Contains((char)rune.Value))
            {
                text.Append((char)rune.Value);
            }
            else
            {
                text.Append('_', rune.IsAscii ? 1 : rune.Utf8SequenceLength);
            }
        }

        return text.ToString();
    }

    /// <summary>unescape.c <c>unescape()</c>: C escapes (<c>\t</c>, <c>\40</c>, <c>\\</c>); a backslash before anything else is dropped.</summary>
    private static string Unescape(string text)
    {
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\' || i + 1 >= text.Length)
            {
                result.Append(text[i]);
                continue;
            }

            var c = text[++i];
            if (c is >= '0' and <= '7')
            {
                var value = 0;
                var digits = 0;
                while (digits < 3 && i < text.Length && text[i] is >= '0' and <= '7')
                {
                    value = (value * 8) + (text[i++] - '0');
                    digits++;
                }

                i--;
                result.Append((char)value);
                continue;
            }

            result.Append(c switch
            {
                'a' => '\a',
                'b' => '\b',
                'f' => '\f',
                'n' => '\n',
                'r' => '\r',
                't' => '\t',
                'v' => '\v',
                _ => c,
            });
        }

        return result.ToString();
    }

    // smtpd_expand.c smtpd_expand_addr().
    private static string? Address(string? address, string suffix) => suffix switch
    {
        _ when address is null => "",
        "" => address.Length > 0 ? address : "<>",
        "_name" => address.Length == 0 ? "<>" : address.LastIndexOf('@') is var at and >= 0 ? address[..at] : address,
        "_domain" => address.Length == 0 ? "" : address.LastIndexOf('@') is var at and >= 0 ? address[(at + 1)..] : "",
        _ => null,
    };
}
