namespace PostfixLint.Model.Values;

/// <summary>Result characters <c>[ResultStart, ResultStart + Length)</c> taken from one frame's text.</summary>
internal readonly record struct ExpansionRun(int ResultStart, int Length, int Frame, int SourceStart, int SourceLength);
