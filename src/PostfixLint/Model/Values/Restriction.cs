using PostfixLint.Syntax;

namespace PostfixLint.Model.Values;

/// <summary>One restriction of an smtpd restriction list, with the argument it consumes.</summary>
/// <param name="Name">The restriction name as written, or the implied <c>check_*_access</c> for a bare <c>type:table</c>.</param>
/// <param name="Span">The span of the name token (of the table token for the shorthand), relative to the value.</param>
/// <param name="Argument">The next token when the restriction consumes it (a table, policy endpoint, DNSxL domain, seconds).</param>
public sealed record Restriction(string Name, TextSpan Span, ListElement? Argument)
{
    /// <summary>The lower-case name: restriction names are case-insensitive (<c>strcasecmp()</c>).</summary>
    public string NormalizedName => Name.ToLowerInvariant();

    /// <summary>True when a <c>type:table</c> token stood where a name was expected (the per-list default access check).</summary>
    public bool IsImplicitAccessCheck { get; init; }

    /// <summary>True when <c>warn_if_reject</c> came right before this restriction.</summary>
    public bool WarnIfReject { get; init; }

    /// <summary>The span of the <c>warn_if_reject</c> prefix, when present.</summary>
    public TextSpan? WarnIfRejectSpan { get; init; }

    /// <summary>The warning smtpd logs when it reaches this restriction (bad or missing argument); null when well-formed.</summary>
    public string? Problem { get; init; }

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
}
