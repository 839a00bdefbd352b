namespace PostfixLint.Syntax;

/// <summary>Where and why a value is not valid macro syntax.</summary>
/// <param name="Position">Offset in the value where the grammar stopped.</param>
/// <param name="Message">A short description (the grammar's wording, not Postfix's; <see cref="Model.Values.MacroReferences.Scan"/> gives Postfix's text).</param>
public sealed record MacroSyntaxError(int Position, string Message);
