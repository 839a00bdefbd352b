namespace PostfixLint.Fixing;

/// <summary>Run <c>postfix check</c>: Postfix's own sanity check of the written configuration.</summary>
public sealed record CheckConfiguration : PostApplyAction
{
    /// <inheritdoc />
    public override string Describe(string configDirectory) => $"postfix -c {Quote(configDirectory)} check";
}
