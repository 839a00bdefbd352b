namespace PostfixLint.IntegrationTests.Support;

/// <summary>One main.cf-like file of the shared corpus and how the tests treat it.</summary>
/// <param name="RelativePath">Path relative to the corpus root, e.g. <c>Mailu__Mailu/core__postfix__conf__main.cf</c>.</param>
/// <param name="FullPath">Absolute path.</param>
/// <param name="TemplateReason">Why the file is a template (not literal Postfix syntax), or null when it is real.</param>
/// <param name="MasterCfPath">The master.cf to pair it with, or null for an empty master.cf.</param>
internal sealed record CorpusFile(string RelativePath, string FullPath, string? TemplateReason, string? MasterCfPath)
{
    /// <summary>True when the file is literal Postfix syntax that postconf can read as-is.</summary>
    public bool IsReal => TemplateReason is null;

    /// <inheritdoc />
    public override string ToString() => RelativePath;
}
