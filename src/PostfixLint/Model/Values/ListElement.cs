using PostfixLint.Syntax;

namespace PostfixLint.Model.Values;

/// <summary>One element of a Postfix list value, with where it sits in the value.</summary>
/// <param name="Text">The element text, braces kept intact.</param>
/// <param name="Span">Its span relative to the start of the value.</param>
public readonly record struct ListElement(string Text, TextSpan Span)
{
    /// <summary>The separator between the previous element and this one (empty, at <see cref="Span"/>'s start, for the first).</summary>
    public TextSpan SeparatorBefore { get; init; }

    /// <summary>The separator between this element and the next one (empty, at <see cref="Span"/>'s end, for the last).</summary>
    public TextSpan SeparatorAfter { get; init; }

    /// <summary>
    /// What to delete to remove this element and leave a well-formed list in the same style: the element with the
    /// separator after it, or for the last element the separator before it, or the element alone when it is the only one.
    /// </summary>
    public TextSpan DeletionSpan => ListSeparators.DeletionSpan(Span, SeparatorBefore, SeparatorAfter);

    /// <summary>Where the element's text comes from; null when the value was not read through the model.</summary>
    public ValueOrigin? Origin { get; init; }

    /// <summary>
    /// Where <see cref="DeletionSpan"/>'s text comes from, in the value that holds the element (so an element reached
    /// through <c>$name</c> is deleted where it is written); null when it cannot be deleted without touching other text.
    /// </summary>
    public ValueOrigin? DeletionOrigin { get; init; }
}
