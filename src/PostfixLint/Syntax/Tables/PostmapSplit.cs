namespace PostfixLint.Syntax.Tables;

/// <summary>Where the key and value of a postmap-format logical line are (offsets into the logical line).</summary>
/// <param name="KeyEnd">End of the key; the key starts at 0. Zero means no key.</param>
/// <param name="ValueStart">Start of the value.</param>
/// <param name="ValueEnd">End of the value, trailing whitespace excluded; equal to <paramref name="ValueStart"/> when there is no value.</param>
/// <param name="UnbalancedQuote">True when the key has an unclosed double quote (postmap skips the line).</param>
internal readonly record struct PostmapSplit(int KeyEnd, int ValueStart, int ValueEnd, bool UnbalancedQuote);
