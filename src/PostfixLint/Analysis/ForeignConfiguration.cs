namespace PostfixLint.Analysis;

/// <summary>A directory (or main.cf) that holds another MTA's configuration, as <see cref="ForeignConfigDetector"/> recognised it.</summary>
/// <param name="Mta">The mail server the files belong to, e.g. <c>Exim</c> or <c>Sendmail</c>.</param>
/// <param name="Evidence">The file (relative to the checked directory) or line that gave it away.</param>
/// <param name="Message">One sentence for the user: what the directory is and that postfix-lint checks Postfix only.</param>
public sealed record ForeignConfiguration(string Mta, string Evidence, string Message);
