using PostfixLint.Diagnostics;

namespace PostfixLint.Model;

/// <summary>Prints a configuration the way <c>postconf</c> prints it.</summary>
public static class PostconfPrinter
{
    /// <summary>The lines and warnings <c>postconf</c> would print for <paramref name="query"/>.</summary>
    /// <remarks>
    /// Lines are <c>name = value</c> with whitespace runs collapsed, sorted by name in byte order unless names
    /// are given. Messages are worded as postconf words them, without the <c>postconf: warning: </c> prefix.
    /// </remarks>
    public static PostconfOutput Print(PostfixConfig config, PostconfQuery query)
    {
        var output = PrintUnsanitized(config, query);
        return output with { Messages = [.. output.Messages.Select(m => m with { Message = Printable(m.Message) })] };
    }

    /// <summary>What <c>postconf -M</c> (or, with <paramref name="parameters"/>, <c>postconf -P</c>) would print.</summary>
    /// <param name="config">The configuration.</param>
    /// <param name="parameters">False for master.cf entries (<c>-M</c>), true for their <c>-o</c> parameters (<c>-P</c>).</param>
    /// <param name="patterns"><c>service[/type]</c> (or <c>service/type/parameter</c>) filters; empty means all.</param>
    public static PostconfOutput PrintServices(PostfixConfig config, bool parameters, IReadOnlyList<string>? patterns = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        PostconfOutput output;
        if (config.MasterCf is null)
        {
            // -M and -P need master.cf: postconf opens it with PCF_FAIL_ON_OPEN_ERROR.
            var open = config.MasterReadMessages.FirstOrDefault(m => m.Id == DiagnosticIds.FileNotReadable);
            output = new PostconfOutput([], [open is not null ? open with { Severity = DiagnosticSeverity.Fatal } : new Diagnostic(DiagnosticIds.FileNotReadable, DiagnosticSeverity.Fatal, config.MasterCfPath, null, $"open {config.MasterCfPath}: No such file or directory")], true);
        }
        else if (config.MasterReadFailed || config.ReadFailed)
        {
            // master.cf is read first in this mode, then main.cf.
            var masterFatal = config.MasterReadMessages.Any(m => m.Severity == DiagnosticSeverity.Fatal);
            output = new PostconfOutput([], masterFatal ? config.MasterReadMessages : [.. config.MasterReadMessages, .. config.ReadMessages.Except(config.MasterReadMessages)], true);
        }
        else
        {
            var printed = config.Engine.PrintServices(parameters, patterns ?? []);
            output = printed with { Messages = [.. config.ReadMessages, .. printed.Messages] };
        }

        return output with { Messages = [.. output.Messages.Select(m => m with { Message = Printable(m.Message) })] };
    }

    /// <summary>
    /// Postfix's logger replaces every byte that is not printable ASCII with <c>?</c> (src/util/msg_output.c
    /// calls <c>printable()</c>); a tab or UTF-8 text in a value is shown that way in a warning.
    /// </summary>
    internal static string Printable(string text)
    {
        foreach (var c in text)
        {
            if (c is < ' ' or > '~')
            {
                return string.Create(text.Length, text, static (span, source) =>
                {
                    for (var i = 0; i < source.Length; i++)
                    {
                        span[i] = source[i] is < ' ' or > '~' ? '?' : source[i];
                    }
                });
            }
        }

        return text;
    }

    private static PostconfOutput PrintUnsanitized(PostfixConfig config, PostconfQuery query)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(query);
        if (query.DefaultsOnly)
        {
            // postconf -d never reads main.cf (src/postconf/postconf.c), but still reads master.cf.
            var output = config.DefaultsEngine.Print(query);
            return output with { Messages = [.. config.MasterReadMessages, .. output.Messages], Failed = output.Failed || config.MasterReadFailed };
        }

        if (config.ReadFailed)
        {
            return new PostconfOutput([], config.ReadMessages, true);
        }

        var result = config.Engine.Print(query);
        return result with { Messages = [.. config.ReadMessages, .. result.Messages] };
    }
}
