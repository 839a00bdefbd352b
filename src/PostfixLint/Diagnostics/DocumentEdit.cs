namespace PostfixLint.Diagnostics;

/// <summary>A <see cref="TextEdit"/> of the document at <see cref="Path"/>, so one fix can change several files.</summary>
/// <param name="Path">The document's path, as in <see cref="Diagnostic.Path"/>.</param>
/// <param name="Edit">The edit of that document's original text.</param>
public readonly record struct DocumentEdit(string Path, TextEdit Edit);
