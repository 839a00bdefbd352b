using PostfixLint.Cli.Reporting;
using PostfixLint.Diagnostics;
using PostfixLint.Fixing;
using PostfixLint.Model;
using PostfixLint.Syntax;
using PostfixLint.Tests.Analysis;

namespace PostfixLint.Tests.Fixing;

/// <summary>What a plan shows: masked secrets, the behaviour-diff seam, the selection and the command plan.</summary>
public sealed class FixPlanReportingTests
{
    private const string Secret = "s3cr3t-Passw0rd";

    [Test]
    public void Values_of_a_password_table_never_appear_in_the_diff_or_the_script()
    {
        var plan = new FixPlan(
            "/etc/postfix",
            [new FileChange("/etc/postfix/sasl_passwd", "[smtp.example.com]:587 user:old-" + Secret + "\n", "[smtp.example.com]:587 user:" + Secret + "\n", IsSecret: true)],
            [new AppliedFix("PFL999", "Change the password", FixSafety.Unsafe, 1)],
            [new RebuildMap("postmap", "hash", "/etc/postfix/sasl_passwd", "source changed"), new CheckConfiguration(), new Reload()],
            [], 1, []);
        using var diff = new StringWriter { NewLine = "\n" };
        using var script = new StringWriter { NewLine = "\n" };

        FixText.WriteDiffs(diff, plan);
        FixText.WriteSummary(diff, plan, "Plan:");
        FixText.WriteScript(script, plan);

        diff.ToString().Should().NotContain(Secret).And.Contain("-[smtp.example.com]:587 ********").And.Contain("holds passwords");
        script.ToString().Should().NotContain(Secret).And.Contain("postmap -c /etc/postfix hash:/etc/postfix/sasl_passwd");
    }

    [Test]
    public void The_behaviour_diff_seam_decides_safety_and_describes_the_plan()
    {
        var directory = Directory.CreateTempSubdirectory("pfl-seam-").FullName;
        try
        {
            SourceFile.Write(Path.Combine(directory, "main.cf"), "smtpd_relay_restrictions = permit_mynetworks reject_unauth_destination permit_sasl_authenticated\n");
            var (config, options) = EngineLinter.Load(directory);
            var seam = new RecordingBehaviourDiff(FixSafety.Unsafe);

            var withheld = FixApplier.Plan(config, new FixOptions { Lint = options, Select = ["PFL203"], Behaviour = seam });
            var applied = FixApplier.Plan(config, new FixOptions { Lint = options, Select = ["PFL203"], Behaviour = seam, UnsafeFixes = true });

            seam.Asked.Should().Contain(("Move `permit_sasl_authenticated` before `reject_unauth_destination`", FixSafety.Safe, true));
            withheld.Files.Should().BeEmpty("the seam said the fix is unsafe");
            applied.Applied.Should().ContainSingle().Which.Safety.Should().Be(FixSafety.Unsafe);
            applied.BehaviourDiff.Should().Be("smtpd_relay_restrictions changed");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Test]
    public void Only_selected_rules_are_fixed_and_a_stale_map_is_rebuilt_when_its_rule_is_selected()
    {
        var directory = Directory.CreateTempSubdirectory("pfl-select-").FullName;
        try
        {
            SourceFile.Write(Path.Combine(directory, "main.cf"),
                "smtpd_sender_login_maps = hash:/etc/postfix/sender_login\n"
                + "smtpd_relay_restrictions = permit_mynetworks reject_unauth_destination permit_sasl_authenticated\n");
            SourceFile.Write(Path.Combine(directory, "sender_login"), "alice@example.com alice\n");
            var (config, options) = EngineLinter.Load(directory);

            var maps = FixApplier.Plan(config, new FixOptions { Lint = options, Select = ["PFL403"] });
            var restrictions = FixApplier.Plan(config, new FixOptions { Lint = options, Select = ["PFL203"] });

            maps.Files.Should().BeEmpty();
            maps.Actions.Should().Equal(
                new RebuildMap("postmap", "hash", Path.Combine(directory, "sender_login"), "database missing"), new CheckConfiguration(), new Reload());
            restrictions.Files.Should().ContainSingle().Which.NewText.Should().Contain("permit_mynetworks permit_sasl_authenticated reject_unauth_destination");
            restrictions.Rebuilds.Should().BeEmpty();
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Test]
    public void A_fix_that_changes_inet_interfaces_asks_for_a_restart_instead_of_a_reload()
    {
        var directory = Directory.CreateTempSubdirectory("pfl-restart-").FullName;
        try
        {
            SourceFile.Write(Path.Combine(directory, "main.cf"), "myhostname = mail.example.com\ninet_interface = 127.0.0.1\n");
            var (config, options) = EngineLinter.Load(directory);

            var plan = FixApplier.Plan(config, new FixOptions { Lint = options, Select = ["PFL043"], UnsafeFixes = true });

            plan.Files.Should().ContainSingle().Which.NewText.Should().Be("myhostname = mail.example.com\ninet_interfaces = 127.0.0.1\n");
            plan.Actions.Should().HaveCount(2);
            plan.Actions[0].Should().Be(new CheckConfiguration());
            plan.Actions[1].Should().BeOfType<RestartNeeded>().Which.Parameters.Should().Equal("inet_interfaces");
            plan.Actions[1].Describe(directory).Should().Contain($"postfix -c {directory} stop && postfix -c {directory} start");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private sealed class RecordingBehaviourDiff(FixSafety verdict) : IBehaviourDiff
    {
        public List<(string Title, FixSafety Declared, bool AfterLoads)> Asked { get; } = [];

        public FixSafety DecideSafety(Fix fix, FixSafety declared, PostfixConfig before, Func<PostfixConfig> after)
        {
            Asked.Add((fix.Title, declared, after().Expand("smtpd_relay_restrictions") != before.Expand("smtpd_relay_restrictions")));
            return verdict;
        }

        public string? Describe(PostfixConfig before, PostfixConfig after) =>
            before.Expand("smtpd_relay_restrictions") == after.Expand("smtpd_relay_restrictions") ? null : "smtpd_relay_restrictions changed";
    }
}
