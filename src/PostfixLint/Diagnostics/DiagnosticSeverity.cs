namespace PostfixLint.Diagnostics;

/// <summary>How serious a diagnostic is; <see cref="Warning"/> and <see cref="Fatal"/> are Postfix's own terms.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Postfix logs a warning and carries on.</summary>
    Warning,

    /// <summary>Postfix stops: the program that reads the file exits.</summary>
    Fatal,

    /// <summary>A finding Postfix itself is silent about but that is wrong (for lint rules).</summary>
    Error,

    /// <summary>A remark that needs no action (for lint rules).</summary>
    Info,
}
