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
    public async Task Answers_a_batch_of_probes_in_order()
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
        // Reported, not asserted: a probe on a running instance costs a few ms (smtpd processes are reused).
        TestContext.Progress.WriteLine($"[instance] start {started.TotalMilliseconds:F0} ms ({instance.Timings}); {probes.Count} probes in {batch.Elapsed.TotalMilliseconds:F0} ms = {perProbe:F1} ms/probe");
    }

    [Test]
    public async Task Reports_a_configuration_smtpd_refuses_as_an_error_with_its_fatal_text_without_hanging()
    {
        var stopwatch = Stopwatch.StartNew();
        await using var instance = await PrivatePostfixInstance.StartAsync(
            Scenario.FromFragment("no-relay-guard", "smtpd_relay_restrictions =\nsmtpd_recipient_restrictions = permit_mynetworks\n", []));

        var results = await instance.RunProbesAsync([Outsider, Outsider]);

        results.Should().OnlyContain(r => r.Decision == ProbeDecision.Error && r.Stage == ProbeStage.Connect && r.MailFromReply == null);
        results[0].Error.Should().Be(
            "smtpd cannot run with this configuration: in parameter smtpd_relay_restrictions or smtpd_recipient_restrictions, specify at least one working instance of: "
            + "reject_unauth_destination, defer_unauth_destination, reject, defer, defer_if_permit or check_relay_domains");
        // The harness reads the fatal from the maillog instead of waiting for master's throttling to end; the time is
        // reported, and a hang is caught by the test run's hang timeout.
        TestContext.Progress.WriteLine($"[instance] refused configuration detected in {stopwatch.Elapsed.TotalSeconds:F1} s");
    }

    [Test]
    public async Task Records_an_unknown_restriction_as_Postfix_own_server_configuration_error()
    {
        await using var instance = await PrivatePostfixInstance.StartAsync(
            Scenario.FromFragment("typo", "smtpd_relay_restrictions = permit_mynetwork, reject_unauth_destination\n", []));

        var result = await instance.SmtpProbeAsync(Outsider);

        result.Decision.Should().Be(ProbeDecision.Defer);
        result.RcptReply.Should().Be("451 4.3.5 Server configuration error");
        (await instance.WaitForLogProblemAsync(l => l.Contains("warning: unknown smtpd restriction: \"permit_mynetwork\"", StringComparison.Ordinal), TimeSpan.FromSeconds(60)))
            .Should().BeTrue(string.Join("\n", instance.LogProblems));
    }

    [Test]
    public async Task Stops_every_daemon_and_deletes_its_directory()
    {
        var instance = await PrivatePostfixInstance.StartAsync(Scenario.FromFragment("cleanup", "", []));
        var root = instance.Root;
        var master = int.Parse(Native.ReadSmallFile(Path.Combine(root, "queue", "pid", "master.pid"))!.Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Native.IsAlive(master).Should().BeTrue();

        await instance.DisposeAsync();

        Native.IsAlive(master).Should().BeFalse();
        Directory.Exists(root).Should().BeFalse();
        TestContext.Out.WriteLine($"timings: {instance.Timings}");
    }

    [Test]
    public async Task Impersonates_the_client_name_and_an_IPv6_client()
    {
        await using var instance = await PrivatePostfixInstance.StartAsync(Scenario.FromFragment(
            "names",
            "inet_protocols = all\nmynetworks = 127.0.0.0/8 [2001:db8:1::]/48\nsmtpd_client_restrictions = check_client_access inline:{trusted.example.net=REJECT}\n"
            + "smtpd_relay_restrictions = permit_mynetworks reject_unauth_destination\n",
            []));

        var results = await instance.RunProbesAsync(
        [
            Outsider with { ClientName = "trusted.example.net" },
            Outsider with { Client = "2001:db8:1::5" },
            Outsider with { Client = "IPv6:2001:db8:2::5" },
            Outsider with { Helo = null, SaslLogin = "alice" },
        ]);

        results[0].RcptReply.Should().Be("554 5.7.1 <trusted.example.net[192.168.1.100]>: Client host rejected: Access denied");
        results[1].RcptReply.Should().Be("250 2.1.5 Ok");
        results[2].RcptReply.Should().Be("554 5.7.1 <x@gmail.com>: Relay access denied");
        results[3].HeloReply.Should().BeNull();
        results[3].AuthReply.Should().BeNull("without EHLO the login is given with XCLIENT LOGIN=");
        results[3].RcptReply.Should().Be("554 5.7.1 <x@gmail.com>: Relay access denied");
    }
}
