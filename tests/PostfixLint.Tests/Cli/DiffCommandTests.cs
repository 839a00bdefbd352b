using System.Text.Json.Nodes;

namespace PostfixLint.Tests.Cli;

/// <summary><c>postfix-lint diff OLD_DIR NEW_DIR</c> on the pairs in testdata/diff.</summary>
public sealed class DiffCommandTests
{
    private static string Pair(string name, string side) => Path.Combine(RepositoryPaths.Root, "testdata", "diff", name, side);

    [Test]
    public void A_client_added_to_mynetworks_shows_its_reply_change_with_both_deciding_restrictions_and_exits_1()
    {
        var run = CliRun.Of(["diff", Pair("mynetworks-add-client", "old"), Pair("mynetworks-add-client", "new")]);

        run.ExitCode.Should().Be(1, run.Error);
        run.Out.Should().Contain("smtp, unauthenticated, to remote <relaytest@example.net>:\n")
            .And.Contain("  192.168.1.100: 554 (reject_unauth_destination, main.cf:10) -> 250 (permit_mynetworks, main.cf:10)  opens relay\n")
            .And.MatchRegex(@"nothing else changes \(\d+ classes of \d+ changed\)\n$");
        run.Out.Should().NotContain("127.0.0.0/8");
    }

    [Test]
    public void A_comment_that_moves_every_line_changes_nothing_and_exits_0()
    {
        var run = CliRun.Of(["diff", Pair("comment-only", "old"), Pair("comment-only", "new")]);

        run.ExitCode.Should().Be(0, run.Error);
        run.Out.Should().MatchRegex(@"^no relay decision changes \(\d+ classes compared\)\n$");
    }

    [Test]
    public void Json_lists_each_change_with_both_sides()
    {
        var run = CliRun.Of(["diff", Pair("mynetworks-add-client", "old"), Pair("mynetworks-add-client", "new"), "--format", "json"]);

        var root = JsonNode.Parse(run.Out)!.AsObject();
        root["opensRelay"]!.GetValue<bool>().Should().BeTrue();
        root["compared"]!.GetValue<int>().Should().BePositive();
        var change = root["changes"]!.AsArray().Select(c => c!.AsObject()).First(c => c["saslLogin"] is null);
        change["client"]!.GetValue<string>().Should().Be("192.168.1.100");
        change["recipientClass"]!.GetValue<string>().Should().Be("default");
        change["old"]!["reply"]!.GetValue<string>().Should().StartWith("554 5.7.1");
        change["new"]!["restriction"]!.GetValue<string>().Should().Be("permit_mynetworks");
        change["new"]!["source"]!.GetValue<string>().Should().Be("main.cf:10");
        run.ExitCode.Should().Be(1);
    }

    [Test]
    public void Markdown_is_a_summary_and_a_table_for_a_pull_request_comment()
    {
        var run = CliRun.Of(["diff", Pair("mynetworks-add-client", "old"), Pair("mynetworks-add-client", "new"), "--format", "markdown"]);

        run.Out.Should().StartWith("**Relaying opens** for 2 classes. nothing else changes")
            .And.Contain("| listener | client | login | recipient | before | after |\n|---|---|---|---|---|---|\n")
            .And.Contain("| smtp | 192.168.1.100 | (none) | remote <relaytest@example.net> | 554 (reject_unauth_destination, main.cf:10) | **250 (permit_mynetworks, main.cf:10)** (opens relay) |\n");
    }

    [Test]
    public void A_missing_directory_is_a_usage_error()
    {
        var run = CliRun.Of(["diff", Pair("comment-only", "old"), Path.Combine(Path.GetTempPath(), "pfl-no-such-dir-" + Guid.NewGuid().ToString("N"))]);

        run.ExitCode.Should().Be(2);
        run.Error.Should().StartWith("postfix-lint: fatal: ");
    }
}
