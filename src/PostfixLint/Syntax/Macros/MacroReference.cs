namespace PostfixLint.Syntax;

/// <summary>A parameter name referenced by <c>$name</c>, <c>${name...}</c> or <c>$(name...)</c> inside a value.</summary>
/// <param name="Name">The name as Postfix looks it up (may be empty, e.g. <c>${?x}</c>).</param>
/// <param name="Span">Where the name is, relative to the start of the scanned value.</param>
internal readonly record struct MacroReference(string Name, TextSpan Span)
{
    /// <summary>The whole reference, from the <c>$</c> through the closing bracket (<c>${name?text}</c> included), relative to the value.</summary>
    public TextSpan ReferenceSpan { get; init; }
}
