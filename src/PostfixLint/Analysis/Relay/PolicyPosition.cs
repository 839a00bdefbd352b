namespace PostfixLint.Analysis.Relay;

/// <summary>A 1-based line and column (in characters) in a policy file.</summary>
/// <param name="Line">The 1-based line.</param>
/// <param name="Column">The 1-based column, counted in characters (UTF-16 units of the decoded text).</param>
public readonly record struct PolicyPosition(int Line, int Column)
{
    /// <inheritdoc />
    public override string ToString() => $"{Line}:{Column}";

    /// <summary>The line and column (1-based, in characters) of byte <paramref name="byteOffset"/> of UTF-8 <paramref name="bytes"/>.</summary>
    internal static PolicyPosition OfByte(byte[] bytes, long byteOffset)
    {
        var offset = (int)Math.Min(byteOffset, bytes.Length);
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return new PolicyPosition(line, System.Text.Encoding.UTF8.GetCharCount(bytes, lineStart, offset - lineStart) + 1);
    }
}
