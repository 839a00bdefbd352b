namespace PostfixLint.IntegrationTests;

/// <summary>
/// Before any integration test: says loudly when the installed Postfix is not the one the expectations were recorded
/// with (<see cref="RealPostfix.RecordedVersion"/>); under <c>CI=true</c> the mismatch fails the run.
/// </summary>
[SetUpFixture]
public sealed class PostfixVersionCheck
{
    /// <summary>Checks the installed Postfix version once per run.</summary>
    [OneTimeSetUp]
    public void Check_the_installed_Postfix_version() => RealPostfix.CheckVersion();
}
