using PostfixLint.Model;
using PostfixLint.Model.Tables;
using PostfixLint.Syntax;

namespace PostfixLint.Tests.Tables;

/// <summary>A throwaway config directory with table files, and a factory over it.</summary>
internal sealed class TableTestSupport : IDisposable
{
    public TableTestSupport(string mainCf = "compatibility_level = 3.6\n")
    {
        Directory = Path.Combine(Path.GetTempPath(), "pfl-tables-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        SourceFile.Write(Path.Combine(Directory, "main.cf"), mainCf);
    }

    public string Directory { get; }

    public string Write(string name, string text)
    {
        var path = Path.Combine(Directory, name);
        SourceFile.Write(path, text);
        return path;
    }

    public LookupTableFactory Factory(LookupTableOptions? options = null) =>
        new(PostfixConfig.Load(Directory), options);

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
