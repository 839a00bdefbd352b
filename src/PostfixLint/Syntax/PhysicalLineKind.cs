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
