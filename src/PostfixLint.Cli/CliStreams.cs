namespace PostfixLint.Cli;

/// <summary>The standard streams a verb reads and writes; tests pass string writers.</summary>
/// <param name="Out">Standard output: the result, byte-exact (Latin-1 in the real process).</param>
/// <param name="Error">Standard error: warnings, fatal errors and usage errors.</param>
/// <param name="In">Standard input, read for <c>--postconf -</c>.</param>
internal sealed record CliStreams(TextWriter Out, TextWriter Error, TextReader In);
