using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using PostfixLint.Testing;

namespace PostfixLint.IntegrationTests.Support;

/// <summary>The shared corpus of real Postfix configuration files (env POSTFIXLINT_CORPUS, else <c>&lt;repo&gt;/../shared/corpus</c>).</summary>
internal static partial class Corpus
{
    /// <summary>The environment variable that overrides the corpus location.</summary>
    public const string EnvironmentVariable = TestCorpus.EnvironmentVariable;

    /// <summary>The corpus directory, or null when it cannot be found.</summary>
    public static string? Root => TestCorpus.DirectoryOrNull;

    /// <summary>The corpus directory; when it is absent the test fails under CI and is inconclusive elsewhere, loudly.</summary>
    public static string RequireRoot() => TestCorpus.Require();

    /// <summary>The directory holding PostfixLint.sln, found by walking up from the test assembly.</summary>
    public static string? RepositoryRoot => RepositoryLayout.Root;

    /// <summary>Every file whose name looks like main.cf (<c>main.cf*</c>, <c>*-main.cf</c>), classified real or template, sorted by path.</summary>
    public static ImmutableArray<CorpusFile> MainCfFiles(string root)
    {
        var files = ImmutableArray.CreateBuilder<CorpusFile>();
        foreach (var folder in Directory.GetDirectories(root).Order(StringComparer.Ordinal))
        {
            var names = Directory.GetFiles(folder).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToArray();
            var masters = names.Where(n => MasterCfName().IsMatch(LastSegment(n))).ToArray();
            // Pair with the folder's master.cf only when there is exactly one and postconf can read it as-is.
            var master = masters.Length == 1 && IsUsableMasterCf(Path.Combine(folder, masters[0])) ? Path.Combine(folder, masters[0]) : null;
            foreach (var name in names.Where(n => MainCfName().IsMatch(LastSegment(n))))
            {
                var fullPath = Path.Combine(folder, name);
                var content = Encoding.Latin1.GetString(File.ReadAllBytes(fullPath));
                var reason = TemplateClassifier.Classify(LastSegment(name), content);
                files.Add(new CorpusFile(Path.GetRelativePath(root, fullPath), fullPath, reason, master));
            }
        }

        return files.ToImmutable();
    }

    // Installer placeholders (iRedMail's PH_*, Debian's @@X@@) are harmless in main.cf values, but in a master.cf
    // numeric field they make postconf fatal ("invalid process_limit field"), which would test the placeholder, not main.cf.
    private static bool IsUsableMasterCf(string path)
    {
        var content = Encoding.Latin1.GetString(File.ReadAllBytes(path));
        return TemplateClassifier.Classify(LastSegment(Path.GetFileName(path)), content) is null && !InstallerPlaceholder().IsMatch(content);
    }

    [GeneratedRegex(@"\bPH_[A-Z0-9_]+|@@[A-Z_]+@@")]
    private static partial Regex InstallerPlaceholder();

    // Corpus file names are repository paths with "/" replaced by "__"; the last segment is the original file name.
    private static string LastSegment(string name)
    {
        var index = name.LastIndexOf("__", StringComparison.Ordinal);
        return index < 0 ? name : name[(index + 2)..];
    }

    [GeneratedRegex(@"^(.*[-_.])?main\.cf(\..*)?$", RegexOptions.IgnoreCase)]
    private static partial Regex MainCfName();

    [GeneratedRegex(@"^(.*[-_.])?master\.cf(\..*)?$", RegexOptions.IgnoreCase)]
    private static partial Regex MasterCfName();
}
