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

    [Test]
    public async Task Answers_a_batch_of_probes_within_milliseconds_each()
    {
        var probes = Enumerable.Range(0, 60).Select(i => Outsider with { Client = $"192.0.2.{i + 1}", Id = i.ToString() }).ToList();
        var total = Stopwatch.StartNew();
        await using var instance = await PrivatePostfixInstance.StartAsync(Scenario.FromFragment("batch", "smtpd_relay_restrictions = permit_mynetworks reject_unauth_destination\n", []));
        var started = total.Elapsed;

        var batch = Stopwatch.StartNew();
        var results = await instance.RunProbesAsync(probes);
        batch.Stop();

        results.Should().OnlyContain(r => r.RcptReply == "554 5.7.1 <x@gmail.com>: Relay access denied");
        results.Select(r => r.Probe.Id).Should().Equal(probes.Select(p => p.Id));
        var perProbe = batch.Elapsed.TotalMilliseconds / probes.Count;
        TestContext.Out.WriteLine($"start {started.TotalMilliseconds:F0} ms ({instance.Timings}); {probes.Count} probes in {batch.Elapsed.TotalMilliseconds:F0} ms = {perProbe:F1} ms/probe");
        perProbe.Should().BeLessThan(50, "a probe on a running instance costs a few ms (smtpd processes are reused)");
    }
}
