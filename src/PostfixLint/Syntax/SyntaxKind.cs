namespace PostfixLint.Syntax;

/// <summary>The kind of a token in a lossless syntax tree.</summary>
public enum SyntaxKind
{
    /// <summary>A byte-order mark at the very start of the file.</summary>
    ByteOrderMark,

    /// <summary>A whole line whose first non-blank character is <c>#</c>, without its line ending.</summary>
    CommentLine,

    /// <summary>An empty or whitespace-only line, without its line ending.</summary>
    BlankLine,

    /// <summary>The name of a parameter (or the key of a table entry).</summary>
    ParameterName,

    /// <summary>Spaces and tabs inside a line.</summary>
    Whitespace,

    /// <summary>The <c>=</c> between a name and its value.</summary>
    Equals,

    /// <summary>Value text on one physical line (trailing blanks excluded).</summary>
    ValueText,

    /// <summary>The leading whitespace of a physical line that continues the previous logical line.</summary>
    Continuation,

    /// <summary>A line ending: <c>\n</c> or <c>\r\n</c>.</summary>
    EndOfLine,

    /// <summary>Text Postfix cannot read; a syntax diagnostic points at it.</summary>
    Unparsed,

    /// <summary>The zero-length end of the file.</summary>
    EndOfFile,

    /// <summary>A field of a master.cf service line (service, type, private, ...).</summary>
    Field,

    /// <summary>A master.cf command argument.</summary>
    Argument,

    /// <summary>The key of a lookup-table line.</summary>
    Key,
}
