using System.Collections.Immutable;
using PostfixLint.Syntax;

namespace PostfixLint.IntegrationTests.Instance;

/// <summary>A configuration to run a private Postfix with: main.cf, an optional master.cf, table sources and probes.</summary>
/// <remarks>
/// On disk (<c>testdata/simulation/&lt;name&gt;/</c>) a scenario is a configuration directory the simulator can read as it
/// is: <c>main.cf</c> (complete: the Debian-like base of <see cref="InstanceMainCf.Base"/> is written out), optional
/// <c>master.cf</c>, table sources referred to as <c>/etc/postfix/NAME</c> or <c>$config_directory/NAME</c>,
/// <c>probes.jsonl</c> and, once recorded, <c>expected.jsonl</c> with real Postfix's answers.
/// </remarks>
/// <param name="Name">The scenario name (directory name).</param>
/// <param name="MainCf">main.cf text; parameters missing from it fall back to <see cref="InstanceMainCf.Base"/>.</param>
/// <param name="MasterCf">master.cf text, or null for a single <c>smtp</c> listener without overrides.</param>
/// <param name="Tables">Other files of the configuration directory (table sources, aliases) by file name.</param>
/// <param name="Probes">The probes to ask.</param>
public sealed record Scenario(
    string Name,
    string MainCf,
    string? MasterCf,
    ImmutableSortedDictionary<string, string> Tables,
    ImmutableArray<Probe> Probes)
{
    /// <summary>Table sources the instance leaves unbuilt (no <c>postmap</c>): a live server whose database is missing.</summary>
    public ImmutableHashSet<string> Unbuilt { get; init; } = [];

    /// <summary>Table sources whose database the instance back-dates below the source's mtime: a live server that missed a <c>postmap</c>.</summary>
    public ImmutableHashSet<string> Stale { get; init; } = [];

    /// <summary>Files of a scenario directory that are not copied into the instance as tables.</summary>
    public static readonly ImmutableHashSet<string> ReservedFiles = ["main.cf", "master.cf", "probes.jsonl", "expected.jsonl", "README.md"];

    /// <summary>Builds a scenario whose main.cf is the base followed by <paramref name="fragment"/> (fragment settings replace base lines).</summary>
    public static Scenario FromFragment(
        string name, string fragment, IEnumerable<Probe> probes, string? masterCf = null, IReadOnlyDictionary<string, string>? tables = null) =>
        new(
            name,
            InstanceMainCf.WithBase(fragment),
            masterCf,
            (tables ?? new Dictionary<string, string>()).ToImmutableSortedDictionary(StringComparer.Ordinal).SetItems(
                tables?.ContainsKey("aliases") == true ? [] : [new("aliases", InstanceMainCf.DefaultAliases)]),
            [.. probes]);

    /// <summary>Loads a scenario directory.</summary>
    public static Scenario Load(string directory)
    {
        var mainCf = SourceFile.Read(Path.Combine(directory, "main.cf"));
        var masterPath = Path.Combine(directory, "master.cf");
        var probesPath = Path.Combine(directory, "probes.jsonl");
        var tables = Directory.EnumerateFiles(directory)
            .Where(f => !ReservedFiles.Contains(Path.GetFileName(f)))
            .ToImmutableSortedDictionary(f => Path.GetFileName(f), SourceFile.Read, StringComparer.Ordinal);
        return new Scenario(
            Path.GetFileName(Path.TrimEndingDirectorySeparator(directory)),
            mainCf,
            File.Exists(masterPath) ? SourceFile.Read(masterPath) : null,
            tables,
            File.Exists(probesPath) ? ProbeJson.ReadProbes(probesPath) : []);
    }

    /// <summary>Writes the scenario as a directory (main.cf, master.cf, tables, probes.jsonl); existing files are replaced.</summary>
    public void WriteTo(string directory)
    {
        Directory.CreateDirectory(directory);
        SourceFile.Write(Path.Combine(directory, "main.cf"), MainCf);
        if (MasterCf is not null)
        {
            SourceFile.Write(Path.Combine(directory, "master.cf"), MasterCf);
        }

        foreach (var (file, text) in Tables)
        {
            SourceFile.Write(Path.Combine(directory, file), text);
        }

        ProbeJson.WriteProbes(Path.Combine(directory, "probes.jsonl"), Probes);
    }
}
