namespace PostfixLint.Diagnostics;

/// <summary>What one diagnostic id means: its id, kebab-case name, default severity and a one-line title.</summary>
/// <param name="Id">The stable id, <c>PFL</c> and three digits.</param>
/// <param name="Name">A kebab-case name that says what is flagged, e.g. <c>unused-parameter</c>.</param>
/// <param name="DefaultSeverity">The severity the diagnostic usually has.</param>
/// <param name="Title">One line describing it.</param>
public sealed record DiagnosticDescriptor(string Id, string Name, DiagnosticSeverity DefaultSeverity, string Title);
