using System.Text.RegularExpressions;

namespace PostfixLint.Analysis;

/// <summary>
/// Recognises a configuration directory of another mail server (Exim, Sendmail, qmail, OpenSMTPD), or a main.cf that
/// holds another server's syntax, so that <c>check</c> can say so instead of printing a page of Postfix syntax errors.
/// </summary>
public static partial class ForeignConfigDetector
{
    /// <summary>
    /// At least this many lines of another server's syntax make a main.cf foreign. Each such line is already a fatal
    /// <c>missing '='</c> for Postfix; two rule out a single stray line pasted into a real main.cf.
    /// </summary>
    private const int ForeignLineThreshold = 2;

    /// <summary>Files whose presence names the server (checked in this order; a directory name ends in <c>/</c>).</summary>
    private static readonly (string File, string Mta)[] s_markers =
    [
        ("exim4.conf.template", "Exim"),
        ("update-exim4.conf.conf", "Exim"),
        ("exim4.conf", "Exim"),
        ("exim.conf", "Exim"),
        ("conf.d/router/", "Exim"),
        ("sendmail.mc", "Sendmail"),
        ("sendmail.cf", "Sendmail"),
        ("submit.mc", "Sendmail"),
        ("submit.cf", "Sendmail"),
        ("rcpthosts", "qmail"),
        ("control/rcpthosts", "qmail"),
        ("smtpd.conf", "OpenSMTPD"),
    ];

    /// <summary>
    /// What <paramref name="directory"/> is when it is not a Postfix configuration directory; null when it has a
    /// Postfix main.cf or master.cf (or nothing this recognises). Never throws for unreadable files.
    /// </summary>
    public static ForeignConfiguration? Detect(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!Directory.Exists(directory))
        {
            return null;
        }

        var mainCf = Path.Combine(directory, "main.cf");
        if (File.Exists(mainCf))
        {
            return ReadText(mainCf) is { } text ? DetectInMainCf(text, directory) : null;
        }

        if (File.Exists(Path.Combine(directory, "master.cf")))
        {
            return null;
        }

        foreach (var (file, mta) in s_markers)
        {
            var path = Path.Combine(directory, file.TrimEnd('/'));
            var found = file.EndsWith('/') ? Directory.Exists(path) : File.Exists(path);
            if (found && (mta != "OpenSMTPD" || ReadText(path) is { } conf && OpenSmtpdLine().IsMatch(conf)))
            {
                return Describe(directory, mta, file.TrimEnd('/'));
            }
        }

        // A Sendmail source directory holds .mc files under other names (e.g. mail.example.com.mc).
        var mc = SafeFiles(directory, "*.mc").FirstOrDefault();
        return mc is null ? null : Describe(directory, "Sendmail", Path.GetFileName(mc));
    }

    /// <summary>
    /// What a main.cf text is when most of its problems are another server's syntax (Exim's <c>begin acl</c>,
    /// Sendmail m4 <c>dnl</c>/<c>define(</c>, OpenSMTPD's <c>listen on</c>); null when it reads as Postfix.
    /// </summary>
    /// <param name="text">The file's text.</param>
    /// <param name="directory">The directory named in the message.</param>
    public static ForeignConfiguration? DetectInMainCf(string text, string directory)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(directory);
        var counts = new Dictionary<string, (int Count, string First)>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            var mta = EximLine().IsMatch(line) ? "Exim"
                : SendmailLine().IsMatch(line) ? "Sendmail"
                : OpenSmtpdLine().IsMatch(line) ? "OpenSMTPD"
                : null;
            if (mta is not null)
            {
                counts[mta] = counts.TryGetValue(mta, out var seen) ? (seen.Count + 1, seen.First) : (1, line.Trim());
            }
        }

        var best = counts.OrderByDescending(c => c.Value.Count).FirstOrDefault();
        return best.Key is not null && best.Value.Count >= ForeignLineThreshold
            ? Describe(directory, best.Key, $"main.cf: \"{best.Value.First}\"")
            : null;
    }

    private static ForeignConfiguration Describe(string directory, string mta, string evidence) =>
        new(mta, evidence,
            $"{directory} is not a Postfix configuration: it looks like {Article(mta)} {mta} configuration ({evidence}); postfix-lint checks Postfix's main.cf and master.cf");

    private static string Article(string mta) => mta is "Exim" or "OpenSMTPD" ? "an" : "a";

    private static string? ReadText(string path)
    {
        try
        {
            return Syntax.InputFile.ReadAllText(path, System.Text.Encoding.UTF8);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static IEnumerable<string> SafeFiles(string directory, string pattern)
    {
        try
        {
            return Directory.GetFiles(directory, pattern).Order(StringComparer.Ordinal);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <summary>Exim: section starts (<c>begin acl</c>), driver lines, macro conditionals.</summary>
    [GeneratedRegex(@"^\s*(begin\s+(acl|routers|transports|authenticators|rewrite|retry)\s*$|driver\s*=\s*\w+\s*$|\.ifn?def\s)", RegexOptions.IgnoreCase)]
    private static partial Regex EximLine();

    /// <summary>Sendmail m4: <c>dnl</c> comments and the usual macros.</summary>
    [GeneratedRegex(@"^\s*(dnl\b|(define|undefine|FEATURE|OSTYPE|DOMAIN|MAILER|VERSIONID|include|LOCAL_CONFIG)\s*\()")]
    private static partial Regex SendmailLine();

    /// <summary>OpenSMTPD smtpd.conf statements.</summary>
    [GeneratedRegex(@"^\s*(listen\s+on\s|match\s+(from|for|auth)\b|action\s+""?[\w-]+""?\s+(relay|mbox|maildir|lmtp|mda|forward-only)\b|table\s+\w+\s+(file|db):)", RegexOptions.Multiline)]
    private static partial Regex OpenSmtpdLine();
}
