using System.Collections.Immutable;

namespace PostfixLint.Syntax;

/// <summary>A value parsed into macro syntax nodes, or the position where it is not valid syntax.</summary>
/// <param name="Nodes">The top-level pieces in order; empty when <paramref name="Error"/> is set.</param>
/// <param name="Error">The syntax error, or null for a valid value.</param>
public sealed record MacroSyntaxTree(ImmutableArray<MacroNode> Nodes, MacroSyntaxError? Error)
{
    /// <summary>True when the value parsed without error.</summary>
    public bool IsValid => Error is null;

    /// <summary>Every referenced name in the order postconf's scan visits them: names, then <c>?</c> text, then <c>:</c> text; operands before branches.</summary>
    public ImmutableArray<MacroReference> References
    {
        get
        {
            var result = ImmutableArray.CreateBuilder<MacroReference>();
            Collect(Nodes, result);
            return result.ToImmutable();
        }
    }

    private static void Collect(ImmutableArray<MacroNode> nodes, ImmutableArray<MacroReference>.Builder result)
    {
        foreach (var node in nodes)
        {
            switch (node)
            {
                case MacroNameNode name:
                    result.Add(new MacroReference(name.Name, name.NameSpan));
                    break;
                case MacroConditionalNode conditional:
                    result.Add(new MacroReference(conditional.Name, conditional.NameSpan));
                    Collect(conditional.IfDefined, result);
                    Collect(conditional.IfUndefined, result);
                    break;
                case MacroRelationalNode relational:
                    Collect(relational.Left, result);
                    Collect(relational.Right, result);
                    Collect(relational.IfTrue, result);
                    Collect(relational.IfFalse, result);
                    break;
            }
        }
    }

    private static void Collect(MacroText? text, ImmutableArray<MacroReference>.Builder result)
    {
        if (text is not null)
        {
            Collect(text.Nodes, result);
        }
    }
}
