using PostfixLint.Model;
using PostfixLint.Syntax;

namespace PostfixLint.Benchmarks;

/// <summary>The library entry points the in-process benchmarks measure, kept in one place.</summary>
internal static class LibraryCalls
{
    /// <summary>Parses main.cf text into its lossless syntax tree.</summary>
    public static MainCfSyntax ParseMainCf(string text, string path) => MainCfSyntax.Parse(text, path);

    /// <summary>Parses master.cf text into its lossless syntax tree.</summary>
    public static MasterCfSyntax ParseMasterCf(string text, string path) => MasterCfSyntax.Parse(text, path);

    /// <summary>
    /// Reads main.cf and master.cf from <paramref name="directory"/> and builds the whole model: the name table,
    /// user-defined parameters and warnings, as <c>postconf -n</c> needs them.
    /// </summary>
    public static PostconfOutput LoadAndModel(string directory) =>
        PostconfPrinter.Print(PostfixConfig.Load(directory), new PostconfQuery { NonDefaultOnly = true });
}
