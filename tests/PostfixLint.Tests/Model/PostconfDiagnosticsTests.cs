using System.Net;
using PostfixLint.Diagnostics;
using PostfixLint.Model;
using PostfixLint.Model.Catalog;

namespace PostfixLint.Tests.Model;

public sealed class PostconfDiagnosticsTests
{
    private static readonly HostFacts Host = new("mx", [new HostInterfaceAddress("lo", IPAddress.Loopback, 8)], 4242);

    private static PostconfOutput Print(ConfigDirectory directory) =>
        PostconfPrinter.Print(PostfixConfig.Load(directory.Path, new ConfigLoadOptions { Host = Host }), new PostconfQuery { NonDefaultOnly = true });

    private static string TextAt(Diagnostic diagnostic) =>
        File.ReadAllText(diagnostic.Path!).Substring(diagnostic.Span!.Value.Start, diagnostic.Span.Value.Length);

    [Test]
    public void An_unused_main_cf_parameter_points_at_its_line()
    {
        using var directory = ConfigDirectory.Create("myhostname = mx.example\nfoo = bar\n");

        var unused = Print(directory).Messages.Should().ContainSingle(m => m.Id == DiagnosticIds.UnusedParameter).Subject;

        unused.Message.Should().Be($"{directory.Path}/main.cf: unused parameter: foo=bar");
        unused.Severity.Should().Be(DiagnosticSeverity.Warning);
        unused.Path.Should().Be($"{directory.Path}/main.cf");
        TextAt(unused).Should().Be("foo = bar");
    }

    [Test]
    public void An_unused_master_cf_parameter_points_at_its_override()
    {
        using var directory = ConfigDirectory.Create("", "smtp inet n - y - - smtpd\n  -o bogus_setting=1\n");

        var unused = Print(directory).Messages.Should().ContainSingle(m => m.Id == DiagnosticIds.UnusedParameter).Subject;

        unused.Message.Should().Be($"{directory.Path}/master.cf: unused parameter: bogus_setting=1");
        unused.Path.Should().Be($"{directory.Path}/master.cf");
        TextAt(unused).Should().Be("-o bogus_setting=1");
    }

    [Test]
    public void An_undefined_parameter_points_at_the_reference()
    {
        using var directory = ConfigDirectory.Create("myorigin = $nowhere_defined\n");

        var undefined = Print(directory).Messages.Should().ContainSingle(m => m.Id == DiagnosticIds.UndefinedParameter).Subject;

        undefined.Message.Should().Be($"{directory.Path}/main.cf: undefined parameter: nowhere_defined");
        TextAt(undefined).Should().Be("nowhere_defined");
    }

    [Test]
    public void A_read_only_assignment_points_at_its_line()
    {
        using var directory = ConfigDirectory.Create("process_name = x\n");

        var readOnly = Print(directory).Messages.Should().ContainSingle(m => m.Id == DiagnosticIds.ReadOnlyParameter).Subject;

        readOnly.Message.Should().Be($"{directory.Path}/main.cf: read-only parameter assignment: process_name=x");
        TextAt(readOnly).Should().Be("process_name = x");
    }

    [Test]
    public void Syntax_messages_get_postconf_prefixes_and_keep_their_id_and_span()
    {
        using var directory = ConfigDirectory.Create("a = 1\nbroken line\n");

        var output = Print(directory);

        output.Failed.Should().BeTrue();
        var fatal = output.Messages.Should().ContainSingle().Subject;
        fatal.Id.Should().Be(DiagnosticIds.MissingEquals);
        fatal.Message.Should().Be($"{directory.Path}/main.cf, line 2: missing '=' after attribute name: \"broken line\"");
        TextAt(fatal).Should().Be("broken line");
    }

    [Test]
    public void Messages_about_no_file_have_no_path()
    {
        using var directory = ConfigDirectory.Create("");
        var config = PostfixConfig.Load(directory.Path, new ConfigLoadOptions { Host = Host });

        var output = PostconfPrinter.Print(config, new PostconfQuery { Names = ["no_such_name"] });

        output.Messages.Should().ContainSingle().Which.Should().Be(
            new Diagnostic(DiagnosticIds.UnknownParameter, DiagnosticSeverity.Warning, null, null, "no_such_name: unknown parameter"));
    }
}
