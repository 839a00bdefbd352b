namespace PostfixLint.Analysis.Relay;

/// <summary>Which kind of policy entry a violation is about.</summary>
public enum PolicyIntentKind
{
    /// <summary>A <c>mayRelay</c> client cannot relay.</summary>
    MayRelay,

    /// <summary>A <c>mustNotRelay</c> client can relay.</summary>
    MustNotRelay,

    /// <summary>A login cannot use a sender address listed under <c>may</c>.</summary>
    SenderMay,

    /// <summary>A login can use a sender address listed under <c>mayNot</c>.</summary>
    SenderMayNot,
}
