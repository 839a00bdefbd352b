using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using PostfixLint.Testing;

namespace PostfixLint.Tests.Cli;

/// <summary><c>postfix-lint check</c>: exit codes, the report formats and the settings file, on the shipped examples.</summary>
public sealed class CheckCommandTests
{
    private static string RelayDenied => Path.Combine(RepositoryPaths.Root, "testdata", "examples", "relay-denied");

    [Test]
    public void Debian_default_config_gives_no_error_or_warning_and_exit_0()
    {
        var run = CliRun.Of(["check", "-c", RepositoryPaths.DebianDefault]);

        run.Out.Should().NotContain(": error ").And.NotContain(": warning ").And.MatchRegex(@"Found \d+ findings?: 0 errors, 0 warnings, \d+ info");
        run.ExitCode.Should().Be(0);
    }

    [Test]
    public void The_relay_denied_example_reports_the_policy_violation_with_its_source_line_and_exits_1()
    {
        var run = CliRun.Of(["check", "-c", RelayDenied]);

        run.ExitCode.Should().Be(1, run.Error);
        run.Out.Should().Contain("error PFL503 relay-intent-violated: 192.168.1.0/24")
            .And.Contain("554 5.7.1 <relaytest@example.net>: Relay access denied")
            .And.Contain("    reject_unauth_destination,\n")
            .And.Contain("^^^^^^^^^^^^^^^^^^^^^^^^^")
            .And.MatchRegex(@"Found \d+ findings: \d+ errors");
        run.Out.Should().NotContain("\u001b[", "a redirected output is never coloured");
    }

    [Test]
    public void Json_report_has_the_documented_fields()
    {
        var run = CliRun.Of(["check", "-c", RelayDenied, "--format", "json"]);

        var findings = JsonNode.Parse(run.Out)!["findings"]!.AsArray();
        findings.Should().NotBeEmpty();
        var first = findings[0]!.AsObject();
        first.Select(p => p.Key).Should().Contain(["rule", "name", "severity", "message", "file", "line", "column", "endLine", "endColumn", "fixable"]);
        first["file"]!.GetValue<string>().Should().Be("main.cf");
        first["line"]!.GetValue<int>().Should().BePositive();
        run.ExitCode.Should().Be(1);
    }

    [Test]
    public void Sarif_report_is_valid_against_the_sarif_2_1_0_schema()
    {
        var schemaPath = Path.GetFullPath(Path.Combine(TestCorpus.ExpectedPath, "..", "schemas", "sarif-schema-2.1.0.json"));
        if (!File.Exists(schemaPath))
        {
            TestCorpus.Missing($"!!! SARIF SCHEMA NOT FOUND at '{schemaPath}'. This test did NOT run. !!!");
        }

        var run = CliRun.Of(["check", "-c", RelayDenied, "--format", "sarif"]);

        using var document = JsonDocument.Parse(run.Out);
        var result = Draft04AsDraft07(File.ReadAllText(schemaPath)).Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        result.IsValid.Should().BeTrue(string.Join("\n", result.Details?.Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")) ?? []));
        using var broken = JsonDocument.Parse(run.Out.Replace("\"level\": \"error\"", "\"level\": \"loud\"", StringComparison.Ordinal));
        Draft04AsDraft07(File.ReadAllText(schemaPath)).Evaluate(broken.RootElement).IsValid.Should().BeFalse("the schema check must be able to fail");
        var sarif = JsonNode.Parse(run.Out)!;
        sarif["runs"]![0]!["results"]!.AsArray().Should().NotBeEmpty();
        sarif["runs"]![0]!["tool"]!["driver"]!["rules"]!.AsArray().Should().Contain(r => r!["id"]!.GetValue<string>() == "PFL503");
    }

    [Test]
    public void Github_format_writes_workflow_commands()
    {
        var run = CliRun.Of(["check", "-c", RelayDenied, "--format", "github"]);

        run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().OnlyContain(l => l.StartsWith("::error file=", StringComparison.Ordinal)
                                                                                      || l.StartsWith("::warning file=", StringComparison.Ordinal)
                                                                                      || l.StartsWith("::notice file=", StringComparison.Ordinal));
        run.Out.Should().Contain("title=PFL503 relay-intent-violated::");
    }

    [Test]
    public void Fail_on_error_ignores_warnings_and_exit_zero_always_exits_0()
    {
        using var directory = TempConfig("mynetworks = 127.0.0.0/8 93.184.216.0/28\n");

        CliRun.Of(["check", "-c", directory.Path, "--select", "PFL502"]).ExitCode.Should().Be(1);
        CliRun.Of(["check", "-c", directory.Path, "--select", "PFL502", "--fail-on", "error"]).ExitCode.Should().Be(0);
        CliRun.Of(["check", "-c", RelayDenied, "--exit-zero"]).ExitCode.Should().Be(0);
    }

    [Test]
    public void Select_and_ignore_filter_rules_and_an_unknown_id_is_a_usage_error()
    {
        CliRun.Of(["check", "-c", RelayDenied, "--select", "PFL504"]).Out.Should().Contain("PFL504").And.NotContain("PFL503");
        CliRun.Of(["check", "-c", RelayDenied, "--ignore", "PFL5"]).Out.Should().NotContain("PFL50");
        var unknown = CliRun.Of(["check", "-c", RelayDenied, "--select", "PFL999"]);
        unknown.ExitCode.Should().Be(2);
        unknown.Error.Should().Contain("no rule matches PFL999");
    }

    [Test]
    public void Critical_rules_run_even_when_ignored()
    {
        using var directory = TempConfig("mynetworks = 127.0.0.0/8 0.0.0.0/0\n");

        CliRun.Of(["check", "-c", directory.Path, "--ignore", "PFL501,PFL101"]).Out.Should().Contain("PFL501 open-relay");
    }

    [Test]
    public void Settings_file_sets_severity_and_ignores_and_a_bad_one_is_reported_with_its_position()
    {
        using var directory = TempConfig("mynetworks = 127.0.0.0/8 93.184.216.0/28\n");
        File.WriteAllText(Path.Combine(directory.Path, ".postfix-lint.json"), "{ // comments are fine\n \"severity\": { \"PFL502\": \"error\" } }\n");

        CliRun.Of(["check", "-c", directory.Path, "--select", "PFL502"]).Out.Should().Contain("error PFL502");

        File.WriteAllText(Path.Combine(directory.Path, ".postfix-lint.json"), "{\n  \"severity\": { \"PFL502\": \"loud\" }\n}\n");
        var bad = CliRun.Of(["check", "-c", directory.Path]);
        bad.ExitCode.Should().Be(2);
        bad.Error.Should().Contain(".postfix-lint.json:2:").And.Contain("must be \"error\", \"warning\" or \"info\"");
    }

    [Test]
    public void A_missing_config_directory_is_a_usage_error()
    {
        var run = CliRun.Of(["check", "-c", "/nonexistent/postfix"]);

        run.ExitCode.Should().Be(2);
        run.Error.Should().StartWith("postfix-lint: fatal: ");
    }

    [Test]
    public void Another_mtas_configuration_is_refused_with_exit_2()
    {
        var run = CliRun.Of(["check", "-c", Path.Combine(RepositoryPaths.Root, "testdata", "foreign", "exim4")]);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("is not a Postfix configuration").And.Contain("Exim");
        run.Out.Should().BeEmpty();
    }

    [Test]
    public void Rule_prints_the_doc_and_rules_lists_every_rule()
    {
        CliRun.Of(["rule", "PFL501"]).Out.Should().StartWith("# PFL501 open-relay\n");
        CliRun.Of(["rule", "open-relay"]).ExitCode.Should().Be(0);
        CliRun.Of(["rule", "PFL999"]).ExitCode.Should().Be(2);
        CliRun.Of(["rules"]).Out.Should().Contain("PFL501  open-relay").And.Contain("critical");
    }

    [Test]
    public void Relay_matrix_shows_each_listener_in_markdown()
    {
        var run = CliRun.Of(["relay-matrix", "-c", RelayDenied, "--format", "markdown"]);

        run.ExitCode.Should().Be(0, run.Error);
        run.Out.Should().Contain("### smtp").And.Contain("### submission").And.Contain("| client |").And.Contain("554 reject_unauth_destination");
    }

    private static JsonSchema Draft04AsDraft07(string text)
    {
        // The OASIS schema is draft-04; it uses nothing that changed meaning in draft-07 except the root "id", which only names it.
        var node = JsonNode.Parse(text)!.AsObject();
        node["$schema"] = "http://json-schema.org/draft-07/schema#";
        node.Remove("id");
        return JsonSchema.FromText(node.ToJsonString(), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
    }

    private static TempDirectory TempConfig(string mainCf)
    {
        var directory = new TempDirectory();
        File.WriteAllText(Path.Combine(directory.Path, "main.cf"), "compatibility_level = 3.6\n" + mainCf);
        return directory;
    }

    private sealed class TempDirectory : IDisposable
    {
        public string Path { get; } = ConfigFiles.CreateTemporaryDirectory("pfl-check");

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
