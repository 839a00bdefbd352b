namespace PostfixLint.Model.Values;

/// <summary>
/// The parameters whose expansion alone passes postfix-lint's expansion limit (<see cref="InputLimits"/>), with the
/// message it stopped with, for one lookup (one name space: main.cf, or a master.cf service with its overrides).
/// </summary>
/// <remarks>
/// Not Postfix: without it, every value that names a doubling chain (<c>myhostname = $e26</c>, and each default built
/// from <c>$myhostname</c>) would build text up to the limit again before it stops, for each parameter, rule and probe
/// that reads it. A name is noted only when the text or the macro calls its own value produced passed the limit, so
/// expanding it by itself stops too: the result is the same whether or not it is noted. Safe for concurrent use.
/// </remarks>
internal sealed class ExpansionLimitMemo
{
    private readonly Dictionary<string, string> _overLimit = new(StringComparer.Ordinal);

    /// <summary>The message expanding <paramref name="name"/> stopped with, or null when it is not known to pass the limit.</summary>
    public string? Find(string name)
    {
        lock (_overLimit)
        {
            return _overLimit.GetValueOrDefault(name);
        }
    }

    /// <summary>Notes that expanding <paramref name="name"/> passes the limit, stopping with <paramref name="message"/>.</summary>
    public void Add(string name, string message)
    {
        lock (_overLimit)
        {
            _overLimit.TryAdd(name, message);
        }
    }
}
