using System.Collections.Concurrent;
using System.Collections.Immutable;
using PostfixLint.Model.Values;

namespace PostfixLint.Simulation;

/// <summary>A restriction class (<c>smtpd_restriction_classes</c>, or the built-in <c>reject_sender_login_mismatch</c>).</summary>
/// <remarks>
/// A bare <c>type:table</c> in a class means the access check of the list that invokes it, so the class is parsed once
/// per calling context (at most one per smtpd stage); safe under concurrent readers.
/// </remarks>
internal sealed class RestrictionClass
{
    private readonly Func<ImmutableArray<Restriction>, TracedList> _locate;
    private readonly ConcurrentDictionary<(string? DefaultAccessCheck, string ReplyClass), TracedList> _parsed = new();

    public RestrictionClass(string name, string value, string originText, Func<ImmutableArray<Restriction>, TracedList> locate)
    {
        Name = name;
        Value = value;
        OriginText = originText;
        _locate = locate;
        Tokens = [.. PostfixList.Split(value).Select(e => e.Text)];
    }

    /// <summary>The class name (looked up case-sensitively, as smtpd's htable).</summary>
    public string Name { get; }

    /// <summary>The expanded value.</summary>
    public string Value { get; }

    /// <summary>The value's tokens, for <c>smtpd_check_init()</c>'s scan, which reads tokens rather than restrictions.</summary>
    public ImmutableArray<string> Tokens { get; }

    /// <summary>Where the class is defined, as the trace notes say it (<c>main.cf:12</c>, <c>built-in restriction class</c>).</summary>
    public string OriginText { get; }

    /// <summary>The class's restrictions when invoked from a list with <paramref name="defaultAccessCheck"/> and <paramref name="replyClass"/>.</summary>
    public TracedList In(string? defaultAccessCheck, string replyClass) =>
        _parsed.TryGetValue((defaultAccessCheck, replyClass), out var list)
            ? list
            : _parsed.GetOrAdd((defaultAccessCheck, replyClass), key => _locate(RestrictionList.Parse(Value, key.DefaultAccessCheck, key.ReplyClass)));
}
