namespace PostfixLint.Diagnostics;

/// <summary>Two edits that cannot both be applied (see <see cref="TextEdit.ConflictsWith"/>).</summary>
/// <param name="First">The edit that starts first.</param>
/// <param name="Second">The edit it conflicts with.</param>
public readonly record struct TextEditConflict(TextEdit First, TextEdit Second);
