namespace PostfixLint.IntegrationTests.Support;

/// <summary>A generated main.cf/master.cf pair for the differential stress tests.</summary>
/// <param name="Name">Stable name shown in the test list (seed or fatal-case name).</param>
/// <param name="MainCf">main.cf text; one char per byte.</param>
/// <param name="MasterCf">master.cf text; one char per byte.</param>
/// <param name="ExpectFatal">True when real postconf is expected to stop with a fatal error.</param>
internal sealed record StressCase(string Name, string MainCf, string MasterCf, bool ExpectFatal)
{
    /// <inheritdoc />
    public override string ToString() => Name;
}
