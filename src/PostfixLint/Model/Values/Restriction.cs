using PostfixLint.Syntax;

namespace PostfixLint.Model.Values;

/// <summary>One restriction of an smtpd restriction list, with the argument it consumes.</summary>
/// <param name="Name">The restriction name as written, or the implied <c>check_*_access</c> for a bare <c>type:table</c>.</param>
/// <param name="Span">The span of the name token (of the table token for the shorthand), relative to the value.</param>
/// <param name="Argument">The next token when the restriction consumes it (a table, policy endpoint, DNSxL domain, seconds).</param>
/// <remarks>
/// A <c>warn_if_reject</c> at the very end of a list, which smtpd skips, is kept as a restriction of that name
/// (with <see cref="IsDanglingWarnIfReject"/> set) so that the list accounts for every token.
/// </remarks>
public sealed record Restriction(string Name, TextSpan Span, ListElement? Argument)
{
    /// <summary>The lower-case name: restriction names are case-insensitive (<c>strcasecmp()</c>).</summary>
    public string NormalizedName => Name.ToLowerInvariant();

    /// <summary>True when a <c>type:table</c> token stood where a name was expected (the per-list default access check).</summary>
    public bool IsImplicitAccessCheck { get; init; }

    /// <summary>The <c>warn_if_reject</c> token that came right before this restriction, when there was one.</summary>
    public ListElement? WarnIfRejectPrefix { get; init; }

    /// <summary>True when <c>warn_if_reject</c> came right before this restriction.</summary>
    public bool WarnIfReject => WarnIfRejectPrefix is not null;

    /// <summary>The span of the <c>warn_if_reject</c> prefix, when present.</summary>
    public TextSpan? WarnIfRejectSpan => WarnIfRejectPrefix?.Span;

    /// <summary>True for a <c>warn_if_reject</c> with no restriction after it (smtpd ignores it).</summary>
    public bool IsDanglingWarnIfReject { get; init; }

    /// <summary>What smtpd finds wrong when it reaches this restriction (bad or missing argument); null when well-formed.</summary>
    public RestrictionProblem? Problem { get; init; }

    /// <summary>The span from the name (or prefix) through the argument.</summary>
    public TextSpan FullSpan => TextSpan.FromBounds(WarnIfRejectSpan?.Start ?? Span.Start, Argument?.Span.End ?? Span.End);

    /// <summary>The separator before <see cref="FullSpan"/> (empty, at its start, for the first restriction).</summary>
    public TextSpan SeparatorBefore { get; init; }

    /// <summary>The separator after <see cref="FullSpan"/> (empty, at its end, for the last restriction).</summary>
    public TextSpan SeparatorAfter { get; init; }

    /// <summary>
    /// What to delete to remove the restriction (prefix and argument included) and leave a well-formed list: see
    /// <see cref="ListElement.DeletionSpan"/>.
    /// </summary>
    public TextSpan DeletionSpan => ListSeparators.DeletionSpan(FullSpan, SeparatorBefore, SeparatorAfter);

    /// <summary>Where the text at <see cref="Span"/> comes from; null when the value was not read through the model.</summary>
    public ValueOrigin? Origin { get; init; }

    /// <summary>Where <see cref="DeletionSpan"/>'s text comes from; null when it cannot be deleted without touching other text.</summary>
    public ValueOrigin? DeletionOrigin { get; init; }

    /// <summary>The first token as written: the <c>warn_if_reject</c> prefix, the table of a bare <c>type:table</c>, or the name.</summary>
    public string FirstToken => WarnIfRejectPrefix?.Text ?? WrittenName;

    /// <summary>The restriction as written, without a <c>warn_if_reject</c> prefix: the name and the argument it consumed.</summary>
    public string Text => IsImplicitAccessCheck ? WrittenName : Argument is { } argument ? $"{Name} {argument.Text}" : Name;

    /// <summary>The name token as written: the table itself for a bare <c>type:table</c>.</summary>
    public string WrittenName => IsImplicitAccessCheck ? Argument!.Value.Text : Name;
}
