using System.Diagnostics;

namespace PostfixLint.IntegrationTests.Instance;

[TestFixture]
public sealed class PrivatePostfixInstanceTests
{
    private static readonly Probe Outsider = new("192.168.1.100", "app@example.com", "x@gmail.com") { Helo = "client.example.net" };

    [Test]
    public async Task Records_the_real_replies_of_a_Debian_default_configuration()
    {
        await using var instance = await PrivatePostfixInstance.StartAsync(Scenario.FromFragment("debian-default", "", []));

        var results = await instance.RunProbesAsync([Outsider, Outsider with { Client = "127.0.0.1" }]);

        results[0].Decision.Should().Be(ProbeDecision.Defer);
        results[0].Stage.Should().Be(ProbeStage.Rcpt);
        results[0].MailFromReply.Should().Be("250 2.1.0 Ok");
        results[0].RcptReply.Should().Be("454 4.7.1 <x@gmail.com>: Relay access denied");
        results[0].ConnectReply.Should().StartWith("220 mail.example.com ESMTP Postfix (Debian/GNU)");
        results[0].HeloReply.Should().Be("250-mail.example.com");
        results[1].Decision.Should().Be(ProbeDecision.Accept);
        results[1].RcptReply.Should().Be("250 2.1.5 Ok");
        instance.Overridden.Should().BeEmpty();
        TestContext.Out.WriteLine($"timings: {instance.Timings}; probes: {string.Join(", ", results.Select(r => r.Milliseconds.ToString("F1")))} ms");
    }
}
