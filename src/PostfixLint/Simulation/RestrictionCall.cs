using PostfixLint.Model.Values;

namespace PostfixLint.Simulation;

/// <summary>One restriction being evaluated, in the context of the list that holds it.</summary>
/// <param name="Restriction">The parsed restriction.</param>
/// <param name="Name">Its lower-case name (the dispatch key).</param>
/// <param name="List">The list being walked.</param>
/// <param name="Index">The restriction's position in <paramref name="List"/>.</param>
/// <param name="ReplyName">What a rejection names (<c>&lt;address&gt;</c>, the client, the HELO name).</param>
/// <param name="ReplyClass">The reply class of the stage, e.g. <c>Recipient address</c>.</param>
/// <param name="DefaultAccess">The stage's <c>check_*_access</c>, which a bare <c>type:table</c> means.</param>
internal readonly record struct RestrictionCall(
    Restriction Restriction, string Name, TracedList List, int Index, string ReplyName, string ReplyClass, string DefaultAccess)
{
    /// <summary>The table (or other argument) the restriction consumed.</summary>
    public string Argument => Restriction.Argument?.Text ?? "";

    /// <summary>The token after this restriction as written, or null at the end of the list.</summary>
    public string? NextToken => Index + 1 < List.Restrictions.Length ? List.Restrictions[Index + 1].FirstToken : null;
}
