using System.Collections.Immutable;

namespace PostfixLint.Diagnostics;

/// <summary>The outcome of applying fixes to a set of documents.</summary>
/// <param name="Documents">Every document's text by path: edited where a fix applied, unchanged otherwise.</param>
/// <param name="Applied">The fixes whose edits were applied, in the order given.</param>
/// <param name="Skipped">The fixes left out because their edits conflict with each other or with an applied fix, or name an unknown document.</param>
public sealed record FixApplication(
    ImmutableDictionary<string, string> Documents, ImmutableArray<Fix> Applied, ImmutableArray<Fix> Skipped);
