using PostfixLint.Model;
using PostfixLint.Simulation;

namespace PostfixLint.Tests.Simulation;

/// <summary>Tables as a live server has them (<see cref="SimulatorOptions.AsDeployed"/>), and alias tables whatever their file is called.</summary>
public sealed class DeployedStateTests
{
    private const string MainCf = SimulatorFixture.Base + """
        smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination
        alias_maps = hash:/etc/postfix/mail-aliases
        smtpd_sender_restrictions = check_sender_access hash:/etc/postfix/sender_access

        """;

    private string _dir = "";

    [SetUp]
    public void CreateDirectory()
    {
        _dir = Path.Combine(Path.GetTempPath(), "pfl-deployed-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(_dir);
        File.WriteAllText(Path.Combine(_dir, "main.cf"), MainCf.Replace("\r", "", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(_dir, "mail-aliases"), "# aliases(5)\ninfo: root\nSales:\n  root\n");
        File.WriteAllText(Path.Combine(_dir, "sender_access"), "spammer@example.net REJECT\n");
        File.WriteAllText(Path.Combine(_dir, "passwd"), "root:x:0:0::/root:/bin/sh\n");
    }

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void An_alias_table_not_called_aliases_is_read_as_postalias_reads_it()
    {
        Simulate(To("info@mail.example.com")).RcptReply.Should().Be("250 2.1.5 Ok");
        Simulate(To("sales@mail.example.com")).RcptReply.Should().Be("250 2.1.5 Ok");
        Simulate(To("info:@mail.example.com")).RcptReply.Should().StartWith("550 5.1.1");
    }

    [Test]
    public void Without_as_deployed_a_missing_database_does_not_matter()
    {
        Simulate(To("info@mail.example.com")).RcptReply.Should().Be("250 2.1.5 Ok");
    }

    [Test]
    public void As_deployed_a_missing_alias_database_is_a_temporary_lookup_failure()
    {
        Build("sender_access");

        var result = Simulate(To("info@mail.example.com"), asDeployed: true);

        result.RcptReply.Should().Be("451 4.3.0 <info@mail.example.com>: Temporary lookup failure");
        result.Warnings.Should().Contain(w => w.EndsWith("is unavailable. open database /etc/postfix/mail-aliases.db: No such file or directory", StringComparison.Ordinal));
    }

    [Test]
    public void As_deployed_a_missing_access_database_is_a_server_configuration_error()
    {
        Build("mail-aliases");

        var result = Simulate(To("info@mail.example.com"), asDeployed: true);

        result.RcptReply.Should().Be("451 4.3.5 <app@example.com>: Sender address rejected: Server configuration error");
    }

    [Test]
    public void As_deployed_a_database_older_than_its_source_is_named_in_the_warnings_and_the_trace()
    {
        Build("mail-aliases");
        Build("sender_access");
        File.SetLastWriteTimeUtc(Path.Combine(_dir, "sender_access.db"), DateTime.UtcNow.AddHours(-2));
        File.SetLastWriteTimeUtc(Path.Combine(_dir, "sender_access"), DateTime.UtcNow.AddHours(-1));

        var result = Simulate(To("info@mail.example.com"), asDeployed: true);

        result.RcptReply.Should().Be("250 2.1.5 Ok");
        const string Warning = "database /etc/postfix/sender_access.db is older than source file /etc/postfix/sender_access";
        result.Warnings.Should().Contain(Warning);
        var entry = result.Trace.Single(e => e.Restriction.StartsWith("check_sender_access", StringComparison.Ordinal));
        entry.Notes.Should().Contain("smtpd logs: warning: " + Warning);
        entry.Notes.Should().Contain(n => n.Contains("answers from that older database", StringComparison.Ordinal));
    }

    [Test]
    public void As_deployed_a_source_changed_in_the_last_100_seconds_is_not_reported_stale()
    {
        Build("mail-aliases");
        Build("sender_access");
        File.SetLastWriteTimeUtc(Path.Combine(_dir, "sender_access.db"), DateTime.UtcNow.AddHours(-2));

        Simulate(To("info@mail.example.com"), asDeployed: true).Warnings.Should().BeEmpty();
    }

    private static Probe To(string recipient) => SimulatorFixture.Remote(recipient);

    private void Build(string table) => File.WriteAllBytes(Path.Combine(_dir, table + ".db"), [0]);

    private SimulationResult Simulate(Probe probe, bool asDeployed = false) =>
        new RelaySimulator(PostfixConfig.Load(_dir), new SimulatorOptions { PasswdFile = Path.Combine(_dir, "passwd"), AsDeployed = asDeployed }).Simulate(probe);
}
