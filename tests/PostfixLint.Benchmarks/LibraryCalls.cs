using System.Reflection;
using PostfixLint.Model;

namespace PostfixLint.Benchmarks;

/// <summary>The library entry points the in-process benchmarks measure, kept in one place.</summary>
internal static class LibraryCalls
{
    // PostfixLint.Syntax.MainCfSyntax.Parse(string text, string path) is being merged from another
    // branch; until it is, bind it by name so this project builds. After the merge, replace this
    // with the direct call: `MainCfSyntax.Parse(text, path)`.
    private static readonly Func<string, string, object>? s_parseMainCf = BindParseMainCf();

    /// <summary>Parses main.cf text into its lossless syntax tree.</summary>
    public static object ParseMainCf(string text, string path) =>
        (s_parseMainCf ?? throw new NotSupportedException("pending: PostfixLint.Syntax.MainCfSyntax.Parse"))(text, path);

    /// <summary>Reads main.cf and master.cf from <paramref name="directory"/> into the effective configuration.</summary>
    public static PostfixConfig LoadConfig(string directory) => PostfixConfig.Load(directory);

    private static Func<string, string, object>? BindParseMainCf() =>
        typeof(PostfixConfig).Assembly.GetType("PostfixLint.Syntax.MainCfSyntax")
            ?.GetMethod("Parse", BindingFlags.Public | BindingFlags.Static, [typeof(string), typeof(string)])
            ?.CreateDelegate<Func<string, string, object>>();
}
