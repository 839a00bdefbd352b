namespace PostfixLint.Fixing;

/// <summary>Run <c>postfix reload</c>: the daemons re-read main.cf and master.cf.</summary>
public sealed record Reload : PostApplyAction
{
    /// <inheritdoc />
    public override string Describe(string configDirectory) => $"postfix -c {Quote(configDirectory)} reload";
}
