namespace PostfixLint.Execution;

/// <summary>A file changed between being read and being written: it is left as it is.</summary>
internal sealed class FileChangedException(string path)
    : IOException($"{path} changed since it was read; it is left as it is (run fix again)")
{
    /// <summary>The file.</summary>
    public string FilePath { get; } = path;
}
