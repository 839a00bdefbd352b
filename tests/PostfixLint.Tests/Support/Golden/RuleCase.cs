namespace PostfixLint.Tests.Support.Golden;

/// <summary>
/// One fixture of <c>testdata/rules/&lt;id&gt;/</c>: either a single <c>&lt;case&gt;.cf</c> (the main.cf) or a folder
/// <c>&lt;case&gt;/</c> holding main.cf plus master.cf and tables. Its goldens sit beside it:
/// <c>&lt;case&gt;.findings.txt</c>, <c>&lt;case&gt;.fixed.cf</c> (when the rule fixes it) and an optional
/// <c>&lt;case&gt;.postconf</c> with the defaults. A case whose name ends in <c>_ok</c> must yield no finding of its rule.
/// </summary>
/// <param name="RuleId">The rule the case is about (its folder name).</param>
/// <param name="Name">The case name, without extension.</param>
/// <param name="SourcePath">The <c>.cf</c> file or the case folder.</param>
/// <param name="Files">The case's files by name (<c>main.cf</c>, <c>master.cf</c>, table names), as text.</param>
internal sealed record RuleCase(string RuleId, string Name, string SourcePath, IReadOnlyDictionary<string, string> Files)
{
    /// <summary>The suffix of negative cases.</summary>
    public const string NegativeSuffix = "_ok";

    /// <summary>True for an <c>_ok</c> case, which must yield no finding of <see cref="RuleId"/>.</summary>
    public bool IsNegative => Name.EndsWith(NegativeSuffix, StringComparison.Ordinal);

    /// <summary>The case's main.cf text (empty when a folder case has none).</summary>
    public string MainCf => Files.TryGetValue("main.cf", out var text) ? text : string.Empty;

    /// <summary>The folder holding the case and its goldens.</summary>
    public string RuleDirectory => Path.GetDirectoryName(SourcePath)!;

    /// <summary>The expected rendering of the findings.</summary>
    public string FindingsPath => Path.Combine(RuleDirectory, Name + ".findings.txt");

    /// <summary>The expected main.cf after the rule's fixes.</summary>
    public string FixedPath => Path.Combine(RuleDirectory, Name + ".fixed.cf");

    /// <summary>The <c>postconf -d</c> style defaults the case supplies, or null.</summary>
    public string? PostconfDefaults =>
        File.Exists(Path.Combine(RuleDirectory, Name + ".postconf")) ? File.ReadAllText(Path.Combine(RuleDirectory, Name + ".postconf")) : null;

    /// <summary>The test name: <c>PFL101/open_cidr</c>.</summary>
    public override string ToString() => $"{RuleId}/{Name}";
}
