using PostfixLint.Syntax;

namespace PostfixLint.Model;

/// <summary>A typed reading of one parameter's effective value, with the parameter it came from.</summary>
/// <typeparam name="T">The typed value: a list, a restriction list, a network list, a number, ...</typeparam>
/// <param name="Parameter">The effective parameter (explicit, default, or a master.cf <c>-o</c>) the value was read from.</param>
/// <param name="ExpandedValue">The value after <c>$name</c> expansion, which is what Postfix programs parse.</param>
/// <param name="Value">
/// The typed value; element spans are offsets into <paramref name="ExpandedValue"/>, and each element's
/// <c>Origin</c> says where its text is written (or that Postfix computes it).
/// </param>
public sealed record TypedValue<T>(Parameter Parameter, string ExpandedValue, T Value)
{
    /// <summary>How spans of <see cref="ExpandedValue"/> map back to the values they came from; null when unknown.</summary>
    internal ExpansionMap? Map { get; init; }

    /// <summary>Where the text at <paramref name="expandedSpan"/> of <see cref="ExpandedValue"/> comes from; null when unknown.</summary>
    public ValueOrigin? Locate(TextSpan expandedSpan) => Map?.Locate(expandedSpan);
}
