namespace PostfixLint.Tests.Support.Golden;

/// <summary>A span marked with <c>⟦ ⟧</c>: half-open, in UTF-16 units of the unmarked text.</summary>
/// <param name="Start">Offset of the first marked character.</param>
/// <param name="Length">Number of marked characters.</param>
internal readonly record struct MarkedSpan(int Start, int Length);
