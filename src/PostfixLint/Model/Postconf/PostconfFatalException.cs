namespace PostfixLint.Model.Postconf;

/// <summary>Unwinds the postconf emulation at the point where postconf itself would exit with a fatal error.</summary>
/// <remarks>Internal control flow only: it never leaves <see cref="PostconfEngine"/>.</remarks>
internal sealed class PostconfFatalException(string id, string message, bool alreadyReported = false, bool ownLimit = false) : Exception(message)
{
    /// <summary>True when the stop is postfix-lint's own expansion limit, not a fatal error of Postfix.</summary>
    public bool OwnLimit { get; } = ownLimit;

    /// <summary>The diagnostic id of the fatal message.</summary>
    public string Id { get; } = id;

    /// <summary>True when the fatal message is already among the engine's messages.</summary>
    public bool AlreadyReported { get; } = alreadyReported;
}
