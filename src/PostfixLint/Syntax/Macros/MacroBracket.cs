namespace PostfixLint.Syntax;

/// <summary>How a macro expression is written after its <c>$</c>.</summary>
public enum MacroBracket
{
    /// <summary><c>$name</c>.</summary>
    None,

    /// <summary><c>${...}</c>.</summary>
    Brace,

    /// <summary><c>$(...)</c>.</summary>
    Parenthesis,
}
