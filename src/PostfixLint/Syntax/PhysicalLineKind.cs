using System.Numerics;

namespace PostfixLint.Syntax;

/// <summary>How <c>readllines()</c> (<c>src/util/readlline.c</c>) treats one physical line.</summary>
internal enum PhysicalLineKind : byte
{
    /// <summary>Empty or whitespace-only: ignored, even inside a continued logical line.</summary>
    Blank,

    /// <summary>First non-whitespace character is <c>#</c>: ignored, even inside a continued logical line.</summary>
    Comment,

    /// <summary>Starts with a non-whitespace character: begins a logical line.</summary>
    Start,

    /// <summary>Starts with whitespace and has text: continues the current logical line.</summary>
    Continuation,
}

/// <summary>
/// Where one physical line ends and what kind it is, by <c>readllines()</c>'s rule: the same for a parsed document
/// (chars) and for a scanned table source (bytes).
/// </summary>
internal static class PhysicalLines
{
    /// <summary>
    /// The line starting at <paramref name="start"/>: the end of its data (before the LF), its end (after the LF), the
    /// end of its content (a CR before the LF excluded) and its kind.
    /// </summary>
    public static (int DataEnd, int End, int ContentEnd, PhysicalLineKind Kind) Classify<T>(ReadOnlySpan<T> data, int start)
        where T : unmanaged, IBinaryInteger<T>
    {
        var newline = data[start..].IndexOf(T.CreateTruncating('\n'));
        var dataEnd = newline < 0 ? data.Length : start + newline;
        var end = newline < 0 ? data.Length : dataEnd + 1;
        var contentEnd = newline > 0 && data[dataEnd - 1] == T.CreateTruncating('\r') ? dataEnd - 1 : dataEnd;
        var p = start;
        while (p < dataEnd && IsSpace(data[p]))
        {
            p++;
        }

        var kind = p == dataEnd ? PhysicalLineKind.Blank
            : data[p] == T.CreateTruncating('#') ? PhysicalLineKind.Comment
            : p > start ? PhysicalLineKind.Continuation
            : PhysicalLineKind.Start;
        return (dataEnd, end, contentEnd, kind);
    }

    // ISSPACE() in the C locale, as CharClass.IsSpace.
    private static bool IsSpace<T>(T c)
        where T : unmanaged, IBinaryInteger<T> =>
        c == T.CreateTruncating(' ') || (c >= T.CreateTruncating('\t') && c <= T.CreateTruncating('\r'));
}
