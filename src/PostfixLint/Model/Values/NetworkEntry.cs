using System.Net;
using PostfixLint.Syntax;

namespace PostfixLint.Model.Values;

/// <summary>One element of a network/host match list such as <c>mynetworks</c>.</summary>
/// <param name="Text">The pattern after any <c>!</c> prefixes.</param>
/// <param name="Span">The whole element, <c>!</c> included, relative to the value.</param>
/// <param name="NegationCount">How many leading <c>!</c> there were (they toggle).</param>
/// <param name="Kind">The kind of pattern.</param>
public sealed record NetworkEntry(string Text, TextSpan Span, int NegationCount, NetworkEntryKind Kind)
{
    /// <summary>True when an odd number of <c>!</c> negates the pattern.</summary>
    public bool IsNegated => NegationCount % 2 == 1;

    /// <summary>The network for <see cref="NetworkEntryKind.Network"/> entries.</summary>
    public IPNetwork? Network { get; init; }

    /// <summary>The address for <see cref="NetworkEntryKind.Address"/> entries when it is a valid dotted quad.</summary>
    public IPAddress? Address { get; init; }

    /// <summary>The table for <see cref="NetworkEntryKind.Table"/> entries.</summary>
    public MapReference? Map { get; init; }

    /// <summary>The <c>cidr_match_parse()</c> message for <see cref="NetworkEntryKind.InvalidNetwork"/> entries.</summary>
    public string? Error { get; init; }

    /// <summary>The separator before the entry (empty, at its start, for the first).</summary>
    public TextSpan SeparatorBefore { get; init; }

    /// <summary>The separator after the entry (empty, at its end, for the last).</summary>
    public TextSpan SeparatorAfter { get; init; }

    /// <summary>What to delete to remove the entry and leave a well-formed list: see <see cref="ListElement.DeletionSpan"/>.</summary>
    public TextSpan DeletionSpan => ListSeparators.DeletionSpan(Span, SeparatorBefore, SeparatorAfter);

    /// <summary>Where the entry's text comes from; null when the value was not read through the model.</summary>
    public ValueOrigin? Origin { get; init; }

    /// <summary>Where <see cref="DeletionSpan"/>'s text comes from; null when it cannot be deleted without touching other text.</summary>
    public ValueOrigin? DeletionOrigin { get; init; }
}
