using PostfixLint.IntegrationTests.Support;

namespace PostfixLint.IntegrationTests;

/// <summary><c>postconf -d</c>: the library's catalogue of compiled-in defaults must equal Postfix 3.7's.</summary>
public sealed class DefaultsDifferentialTests
{
    [Test]
    public async Task Library_prints_the_defaults_postconf_prints_with_an_empty_main_cf()
    {
        using var directory = TempConfigDirectory.Create("");

        await Differential.AssertSameAsync(directory, "an empty main.cf and an empty master.cf", Differential.Defaults);
    }

    [Test]
    public async Task Library_prints_the_defaults_postconf_prints_with_debians_master_cf()
    {
        var masterCf = await File.ReadAllBytesAsync(RealPostfix.DefaultMasterCf);
        using var directory = TempConfigDirectory.Create([], masterCf);

        await Differential.AssertSameAsync(directory, "an empty main.cf and Debian's /etc/postfix/master.cf", Differential.Defaults);
    }
}
