namespace PostfixLint.IntegrationTests.Support;

/// <summary>The outcome of comparing one postconf run with the library.</summary>
/// <param name="Real">What real postconf printed.</param>
/// <param name="Matches">True when lines, warnings, fatal errors and failure status agree.</param>
/// <param name="Report">A readable description of the differences; empty when they match.</param>
internal sealed record Comparison(PostconfRun Real, bool Matches, string Report);
