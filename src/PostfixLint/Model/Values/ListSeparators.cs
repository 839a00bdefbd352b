using PostfixLint.Syntax;

namespace PostfixLint.Model.Values;

/// <summary>Which separator goes with a list item when it is deleted.</summary>
internal static class ListSeparators
{
    /// <summary>
    /// The item and the separator after it when another item follows (so the next item takes its place), else the
    /// separator before it (so the list keeps its style and has no dangling comma), else the item alone.
    /// </summary>
    /// <param name="item">The item (for a restriction: from its <c>warn_if_reject</c> through its argument).</param>
    /// <param name="before">From the end of the previous item to the start of this one; empty at the start when first.</param>
    /// <param name="after">From the end of this item to the start of the next one; empty at the end when last.</param>
    public static TextSpan DeletionSpan(TextSpan item, TextSpan before, TextSpan after) =>
        !after.IsEmpty ? TextSpan.FromBounds(item.Start, after.End)
        : !before.IsEmpty ? TextSpan.FromBounds(before.Start, item.End)
        : item;
}
