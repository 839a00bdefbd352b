using PostfixLint.IntegrationTests.Support;

namespace PostfixLint.IntegrationTests;

/// <summary>
/// Named regressions for the parsing and expansion traps of the semantics reference (§1, §12, §13): each test first pins
/// what real postconf does, then requires the library to print the same.
/// </summary>
public sealed class ParsingTrapRegressionTests
{
    [Test]
    public async Task Mid_value_hash_is_data_not_a_comment()
    {
        using var directory = TempConfigDirectory.Create("mynetworks = 127.0.0.0/8 # office\n");

        var real = await Postconf.RunAsync(directory.Path, "-n");

        real.Lines.Should().Contain("mynetworks = 127.0.0.0/8 # office");
        await Differential.AssertSameAsync(directory, "a mid-value #", [.. Differential.Standard]);
    }

    [Test]
    public async Task Comment_and_blank_lines_inside_a_continued_value_are_skipped()
    {
        using var directory = TempConfigDirectory.Create(
            "smtpd_recipient_restrictions = permit_mynetworks,\n  # reject_rbl_client old.example\n\n# column zero\n  reject_unauth_destination\n");

        var real = await Postconf.RunAsync(directory.Path, "-n");

        real.Lines.Should().Contain("smtpd_recipient_restrictions = permit_mynetworks, reject_unauth_destination");
        await Differential.AssertSameAsync(directory, "comment lines inside a continuation", [.. Differential.Standard]);
    }

    [Test]
    public async Task Whitespace_of_a_continued_value_is_collapsed_on_output()
    {
        using var directory = TempConfigDirectory.Create("mynetworks = 127.0.0.0/8,\r\n\t[::1]/128  \r\nsmtpd_banner = $myhostname\t \tESMTP\r\n");

        var real = await Postconf.RunAsync(directory.Path, "-n");

        real.Lines.Should().Contain("mynetworks = 127.0.0.0/8, [::1]/128").And.Contain("smtpd_banner = $myhostname ESMTP");
        await Differential.AssertSameAsync(directory, "CRLF, tabs and continuation whitespace", [.. Differential.Standard]);
    }

    [Test]
    public async Task A_continuation_line_may_carry_the_equals_sign()
    {
        using var directory = TempConfigDirectory.Create("relayhost\n  = [mail.example.com]\n");

        var real = await Postconf.RunAsync(directory.Path, "-n");

        real.ExitCode.Should().Be(0);
        real.Lines.Should().Contain("relayhost = [mail.example.com]");
        await Differential.AssertSameAsync(directory, "'=' on a continuation line", [.. Differential.Standard]);
    }

    [Test]
    public async Task Duplicates_warn_only_when_the_value_changes()
    {
        using var directory = TempConfigDirectory.Create("relayhost = a\nrelayhost = a\nmyhostname = x.example\nmyhostname = y.example\n");

        var real = await Postconf.RunAsync(directory.Path, "-n");

        real.Lines.Should().Contain("myhostname = y.example").And.Contain("relayhost = a");
        real.Warnings.Distinct().Should().Equal($"{directory.Path}/main.cf, line 4: overriding earlier entry: myhostname=x.example");
        await Differential.AssertSameAsync(directory, "duplicate parameters", [.. Differential.Standard]);
    }

    [Test]
    public async Task A_first_line_starting_with_whitespace_is_dropped_with_a_warning()
    {
        using var directory = TempConfigDirectory.Create("  indented = x\nrelayhost = a\n");

        var real = await Postconf.RunAsync(directory.Path, "-n");

        real.Warnings.Should().Contain($"{directory.Path}/main.cf: logical line must not start with whitespace: \"  indented = x\"");
        await Differential.AssertSameAsync(directory, "a leading indented line", [.. Differential.Standard]);
    }

    [Test]
    public async Task Mydestination_referencing_relay_domains_loops_below_level_2()
    {
        using var directory = TempConfigDirectory.Create("mydestination = $relay_domains\n");

        var real = await Postconf.RunAsync(directory.Path, "-n");

        real.ExitCode.Should().Be(1);
        real.Warnings.Should().Contain("unreasonable macro call nesting: \"mydestination\"");
        await Differential.AssertSameAsync(directory, "mydestination = $relay_domains at level 0", Differential.NonDefault);
    }

    [Test]
    public async Task Mydestination_referencing_relay_domains_is_fine_at_level_2()
    {
        using var directory = TempConfigDirectory.Create("mydestination = $relay_domains\ncompatibility_level = 2\n");

        var real = await Postconf.RunAsync(directory.Path, "-n", "-x");

        real.ExitCode.Should().Be(0);
        real.Lines.Should().Contain("mydestination =");
        await Differential.AssertSameAsync(directory, "mydestination = $relay_domains at level 2", [.. Differential.Standard]);
    }

    [Test]
    public async Task Level_comparisons_and_double_dollar_expand_like_postconf()
    {
        using var directory = TempConfigDirectory.Create("smtpd_banner = ${{$compatibility_level} <level {2} ? {old} : {new}} $$HOME ${mail_name?{$mail_name}:{none}}\n");

        var real = await Postconf.RunAsync(directory.Path, "-n", "-x");

        real.Lines.Should().Contain("smtpd_banner = old $HOME Postfix");
        await Differential.AssertSameAsync(directory, "relational and conditional expansion", [.. Differential.Standard]);
    }

    [Test]
    public async Task A_macro_error_in_an_unused_parameter_only_warns()
    {
        using var directory = TempConfigDirectory.Create("x = ${a\n");

        var real = await Postconf.RunAsync(directory.Path, "-n", "-x");

        real.ExitCode.Should().Be(0);
        real.Warnings.Should().Contain("truncated macro reference: \"${a\"").And.Contain($"{directory.Path}/main.cf: unused parameter: x=${{a");
        await Differential.AssertSameAsync(directory, "a macro error nobody uses", [.. Differential.Standard]);
    }

    [Test]
    public async Task Referenced_user_parameters_and_restriction_classes_are_not_unused()
    {
        using var directory = TempConfigDirectory.Create("smtpd_restriction_classes = cls\ncls = reject\nother_a = $other_b\nother_b = 1\nrelayhost = $nosuch\n");

        var real = await Postconf.RunAsync(directory.Path, "-n");

        real.Lines.Should().Contain("cls = reject").And.Contain("other_b = 1").And.NotContain(l => l.StartsWith("other_a", StringComparison.Ordinal));
        real.Warnings.Distinct().Should().BeEquivalentTo(
            $"{directory.Path}/main.cf: unused parameter: other_a=$other_b",
            $"{directory.Path}/main.cf: undefined parameter: nosuch");
        await Differential.AssertSameAsync(directory, "user-defined parameter validity", [.. Differential.Standard]);
    }

    [Test]
    public async Task Read_only_parameters_are_dropped_with_a_warning()
    {
        using var directory = TempConfigDirectory.Create("process_name = x\nrelayhost = a\n");

        var real = await Postconf.RunAsync(directory.Path, "-n");

        real.Warnings.Should().Contain($"{directory.Path}/main.cf: read-only parameter assignment: process_name=x");
        real.Lines.Should().NotContain(l => l.StartsWith("process_name", StringComparison.Ordinal));
        await Differential.AssertSameAsync(directory, "a read-only assignment", [.. Differential.Standard]);
    }

    [Test]
    public async Task Master_cf_overrides_and_service_defined_names_are_checked()
    {
        using var directory = TempConfigDirectory.Create(
            "relay_destination_concurrency_limit = 5\nfoo_destination_concurrency_limit = 5\n",
            "relay unix - - n - - smtp\n  -o smtpd_foo_typo=1\n  -o smtpd_client_restrictions=$mua_client_restrictions\n");

        var real = await Postconf.RunAsync(directory.Path, "-n");

        real.Lines.Should().Contain("relay_destination_concurrency_limit = 5");
        real.Warnings.Distinct().Should().BeEquivalentTo(
            $"{directory.Path}/main.cf: unused parameter: foo_destination_concurrency_limit=5",
            $"{directory.Path}/master.cf: unused parameter: smtpd_foo_typo=1",
            $"{directory.Path}/master.cf: undefined parameter: mua_client_restrictions");
        await Differential.AssertSameAsync(directory, "master.cf overrides", [.. Differential.Standard]);
    }
}
