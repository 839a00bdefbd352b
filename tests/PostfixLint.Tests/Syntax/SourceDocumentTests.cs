using System.Text;
using PostfixLint.Syntax;
using PostfixLint.Syntax.Tables;

namespace PostfixLint.Tests.Syntax;

public sealed class SourceDocumentTests
{
    [Test]
    public void Every_file_syntax_shares_one_document_shape()
    {
        const string main = "myhostname = mx\r\n  continued\nbad line\n";
        var documents = new[]
        {
            MainCfSyntax.Parse(main, "/etc/postfix/main.cf").Document,
            MasterCfSyntax.Parse("smtp inet n - y - - smtpd\n", "/etc/postfix/master.cf").Document,
            LookupTableSyntax.Parse("a b\n", TableSourceFormat.Postmap, "/etc/postfix/access").Document,
        };

        documents.Select(d => d.Path).Should().Equal("/etc/postfix/main.cf", "/etc/postfix/master.cf", "/etc/postfix/access");
        documents.Should().OnlyContain(d => d.ToFullString() == d.Text);
        documents[0].GetPosition(main.IndexOf("bad", StringComparison.Ordinal)).Should().Be(new LinePosition(3, 1));
    }

    [Test]
    public void Syntax_diagnostics_name_their_document()
    {
        var syntax = MainCfSyntax.Parse("foo\n", "/etc/postfix/main.cf");

        syntax.Diagnostics.Should().ContainSingle().Which.Path.Should().Be("/etc/postfix/main.cf");
    }

    [Test]
    public void The_line_index_is_built_once_for_concurrent_readers()
    {
        var document = MainCfSyntax.Parse(string.Concat(Enumerable.Repeat("a = b\n", 1000))).Document;

        var indexes = new LineIndex[8];
        Parallel.For(0, indexes.Length, i => indexes[i] = document.Lines);

        indexes.Should().OnlyContain(index => ReferenceEquals(index, document.Lines));
    }

    [Test]
    public void Writing_refuses_chars_that_have_no_Latin1_byte()
    {
        var path = Path.Combine(Path.GetTempPath(), "pfl-write-" + Guid.NewGuid().ToString("N"));
        try
        {
            var act = () => SourceFile.Write(path, "a = b\nsmtpd_banner = caf\u00e9 \u2603\n");

            act.Should().Throw<ArgumentException>().WithMessage("*U+2603 at line 2, column 21*");
            File.Exists(path).Should().BeFalse();
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Writing_keeps_every_Latin1_char_as_one_byte()
    {
        var path = Path.Combine(Path.GetTempPath(), "pfl-write-" + Guid.NewGuid().ToString("N"));
        try
        {
            var text = "\u00ef\u00bb\u00bfa = \u00e9\0\u00ff\r\n";
            SourceFile.Write(path, text);

            File.ReadAllBytes(path).Should().Equal(Encoding.Latin1.GetBytes(text));
            SourceFile.Read(path).Should().Be(text);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
