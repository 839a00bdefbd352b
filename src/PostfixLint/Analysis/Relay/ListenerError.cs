namespace PostfixLint.Analysis.Relay;

/// <summary>A listener the simulator could not run a session on (smtpd would not start, or no client reaches it).</summary>
/// <param name="Listener">The listener.</param>
/// <param name="Message">The simulator's error, e.g. Postfix's fatal start-up message.</param>
public sealed record ListenerError(SmtpdListener Listener, string Message);
