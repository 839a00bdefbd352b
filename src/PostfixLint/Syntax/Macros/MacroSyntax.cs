using PostfixLint.Syntax.Grammar;

namespace PostfixLint.Syntax;

/// <summary>Parses a parameter value into a macro syntax tree (<c>$name</c>, <c>${name?...}</c>, relational forms, <c>$$</c>) with spans.</summary>
/// <remarks>
/// The accepted language is the one <c>mac_expand()</c> accepts when postconf scans a value
/// (<c>src/util/mac_expand.c</c>, <c>src/util/mac_parse.c</c>), with the compatibility-level operators registered:
/// a value is valid exactly when <see cref="Model.Values.MacroReferences.Scan"/> reports no syntax error, and the tree's
/// <see cref="MacroSyntaxTree.References"/> then equal <see cref="Model.Values.MacroReferences.Find"/>. Postfix's nesting limit
/// (100 levels) is not modelled. Use this to point at a reference or a branch; use <see cref="Model.Values.MacroExpander"/> to
/// expand and <see cref="Model.Values.MacroReferences.Scan"/> for Postfix's own warning texts.
/// </remarks>
public static class MacroSyntax
{
    /// <summary>Parses <paramref name="value"/>; spans are relative to its start.</summary>
    public static MacroSyntaxTree Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var result = GrammarParsers.Run(MacroGrammar.Value, value);
        return result.WasSuccessful
            ? new MacroSyntaxTree(result.Value, null)
            : new MacroSyntaxTree([], new MacroSyntaxError(result.Remainder.Position, GrammarParsers.Describe(result)));
    }
}
