using System.Collections.Immutable;

namespace PostfixLint.Tests.Support.Golden;

/// <summary>An inline case: the text without markers and the marked spans.</summary>
/// <param name="Text">The configuration text as the linter sees it.</param>
/// <param name="Spans">The marked spans, in order.</param>
internal sealed record MarkedText(string Text, ImmutableArray<MarkedSpan> Spans);
