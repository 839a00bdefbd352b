namespace PostfixLint.IntegrationTests.Instance;

/// <summary>Where an instance's time went.</summary>
/// <param name="Setup">Writing the configuration, building tables and queue directories.</param>
/// <param name="Start"><c>postfix start</c> until the first greeting (or the detected failure).</param>
/// <param name="Stop">Stopping the daemons and deleting the directory.</param>
public sealed record InstanceTimings(TimeSpan Setup, TimeSpan Start, TimeSpan Stop);
