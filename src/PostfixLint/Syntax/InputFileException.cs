namespace PostfixLint.Syntax;

/// <summary>A file a configuration names cannot be read safely; the message is the strerror()-like reason only.</summary>
internal sealed class InputFileException : IOException
{
    public InputFileException(string reason)
        : base(reason)
    {
    }
}
