namespace PostfixLint.Diagnostics;

/// <summary>Whether a fix may be applied without asking.</summary>
public enum FixSafety
{
    /// <summary>Keeps the meaning the user intended; applied by <c>fix</c>.</summary>
    Safe,

    /// <summary>May change behaviour; applied only with <c>--unsafe-fixes</c>.</summary>
    Unsafe,

    /// <summary>Shown as a suggestion, never applied.</summary>
    DisplayOnly,
}
