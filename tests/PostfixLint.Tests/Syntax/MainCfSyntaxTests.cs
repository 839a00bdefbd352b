using System.Text;
using PostfixLint.Syntax;
using PostfixLint.Tests.Support;
using PostfixLint.Diagnostics;

namespace PostfixLint.Tests.Syntax;

public sealed class MainCfSyntaxTests
{
    [Test]
    public void Position_dump_matches_the_golden_file()
    {
        var directory = Path.Combine(Corpus.RepositoryRoot, "testdata", "syntax");
        var syntax = MainCfSyntax.Parse(SourceFile.Read(Path.Combine(directory, "positions.cf")), "positions.cf");
        var dump = new StringBuilder();
        foreach (var token in syntax.Document.Tokens)
        {
            var start = syntax.Document.Lines.GetPosition(token.Span.Start);
            var end = syntax.Document.Lines.GetPosition(token.Span.End);
            dump.Append($"{token.Kind} ({start.Line},{start.Column})-({end.Line},{end.Column}) {Escape(token.GetText(syntax.Document.Text))}\n");
        }

        foreach (var diagnostic in syntax.Diagnostics)
        {
            dump.Append($"{diagnostic.Id} {diagnostic.Severity} {syntax.Document.Lines.GetPosition(diagnostic.Span!.Value.Start)} {Escape(diagnostic.Message)}\n");
        }

        foreach (var parameter in syntax.Parameters)
        {
            dump.Append($"{parameter.Line}: {parameter.Name} = {Escape(parameter.Value)}\n");
        }

        var goldenPath = Path.Combine(directory, "positions.golden.txt");
        if (Environment.GetEnvironmentVariable("POSTFIXLINT_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(goldenPath, dump.ToString());
        }

        dump.ToString().Should().Be(File.ReadAllText(goldenPath));
    }

    [TestCase("foo bar\n", "PFL001", "missing '=' after attribute name: \"foo bar\"")]
    [TestCase("foo bar = baz\n", "PFL001", "missing '=' after attribute name: \"foo bar = baz\"")]
    [TestCase("= bar\n", "PFL002", "missing attribute name: \"= bar\"")]
    [TestCase("foo\n  bar\n", "PFL001", "missing '=' after attribute name: \"foo  bar\"")]
    [TestCase("\u00ef\u00bb\u00bf# c\n", "PFL001", "missing '=' after attribute name: \"\u00ef\u00bb\u00bf# c\"")]
    public void Fatal_messages_are_worded_as_postconf_words_them(string text, string code, string message)
    {
        var syntax = MainCfSyntax.Parse(text);
        syntax.Diagnostics.Should().ContainSingle().Which.Should().Match<Diagnostic>(
            d => d.Id == code && d.Severity == DiagnosticSeverity.Fatal && d.Message == message);
        syntax.Document.ToFullString().Should().Be(text);
        syntax.Document.Tokens.Should().Contain(t => t.Kind == SyntaxKind.Unparsed);
    }

    [TestCase("  leading whitespace line that is long enough to be cut\nmyhostname = x\n", "  leading whitespace line that...")]
    [TestCase("  short\n  more\nmyhostname = x\n", "  short  more")]
    public void Leading_whitespace_warning_quotes_thirty_bytes_as_postconf_does(string text, string quoted)
    {
        var syntax = MainCfSyntax.Parse(text);
        var message = $"logical line must not start with whitespace: \"{quoted}\"";
        syntax.Diagnostics.Should().ContainSingle().Which.Should().Match<Diagnostic>(
            d => d.Id == DiagnosticIds.LeadingWhitespace && d.Severity == DiagnosticSeverity.Warning && d.Message == message);
        syntax.Parameters.Should().ContainSingle().Which.Name.Should().Be("myhostname");
    }

    [Test]
    public void A_BOM_is_part_of_the_first_name_as_postconf_sees_it()
    {
        var text = "\u00ef\u00bb\u00bfmyhostname = x\n";
        var syntax = MainCfSyntax.Parse(text);
        syntax.Document.Tokens[0].Should().Be(new SyntaxToken(SyntaxKind.ByteOrderMark, new TextSpan(0, 3)));
        syntax.Parameters.Should().ContainSingle().Which.Name.Should().Be("\u00ef\u00bb\u00bfmyhostname");
    }

    [Test]
    public void A_CR_in_a_continued_value_is_data_and_trailing_whitespace_is_trimmed()
    {
        var syntax = MainCfSyntax.Parse("mynetworks =\r\n  a,\r\n# c\r\n\r\n\tb  \r\n");
        var parameter = syntax.Parameters.Should().ContainSingle().Subject;
        parameter.Value.Should().Be("a,\r\tb");
        parameter.Line.Should().Be(1);
        parameter.ToSourceOffset(0).Should().Be(16);
        parameter.ToSourceOffset(3).Should().Be(27);
        parameter.ToSourceOffset(parameter.Value.Length).Should().Be(29);
        parameter.Span.Should().Be(TextSpan.FromBounds(0, 31));
        syntax.Diagnostics.Should().BeEmpty();
    }

    [Test]
    public void Text_after_a_NUL_is_ignored_and_reported()
    {
        var syntax = MainCfSyntax.Parse("smtpd_banner = a\0b c\n");
        syntax.Parameters.Should().ContainSingle().Which.Value.Should().Be("a");
        syntax.Diagnostics.Should().ContainSingle().Which.Id.Should().Be(DiagnosticIds.TextAfterNul);
        syntax.Document.Tokens.Select(t => t.Kind).Should().Contain(SyntaxKind.Unparsed);
    }

    [Test]
    public void An_empty_text_has_only_the_end_of_file_token()
    {
        var syntax = MainCfSyntax.Parse(string.Empty);
        syntax.Document.Tokens.Should().Equal(new SyntaxToken(SyntaxKind.EndOfFile, new TextSpan(0, 0)));
        syntax.Parameters.Should().BeEmpty();
    }

    private static string Escape(string s) =>
        "\"" + s.Replace("\\", "\\\\").Replace("\r", "\\r").Replace("\n", "\\n").Replace("\t", "\\t") + "\"";
}
