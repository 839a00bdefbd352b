namespace PostfixLint.Syntax;

/// <summary>How serious a syntax or configuration message is, in Postfix's terms.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Postfix logs a warning and carries on.</summary>
    Warning,

    /// <summary>Postfix stops: the program that reads the file exits.</summary>
    Fatal,
}
