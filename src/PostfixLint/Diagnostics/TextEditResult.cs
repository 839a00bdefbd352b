using System.Collections.Immutable;

namespace PostfixLint.Diagnostics;

/// <summary>The outcome of applying edits to a text: the new text, or the conflicts that prevented it.</summary>
/// <param name="Text">The edited text; the original text unchanged when there are conflicts.</param>
/// <param name="Conflicts">The conflicting pairs, in order of the first edit; empty on success.</param>
public sealed record TextEditResult(string Text, ImmutableArray<TextEditConflict> Conflicts)
{
    /// <summary>True when every edit was applied.</summary>
    public bool Succeeded => Conflicts.IsEmpty;
}
