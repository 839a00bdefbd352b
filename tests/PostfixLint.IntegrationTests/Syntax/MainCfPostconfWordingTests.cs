namespace PostfixLint.IntegrationTests.Syntax;

/// <summary>
/// The real <c>postconf</c> words main.cf syntax problems as the unit tests of <c>MainCfSyntax</c> expect
/// (the same cases as <c>MainCfSyntaxTests</c>, which check the library's side without Postfix).
/// </summary>
public sealed class MainCfPostconfWordingTests
{
    [TestCase("foo bar\n", "missing '=' after attribute name: \"foo bar\"")]
    [TestCase("foo bar = baz\n", "missing '=' after attribute name: \"foo bar = baz\"")]
    [TestCase("= bar\n", "missing attribute name: \"= bar\"")]
    [TestCase("foo\n  bar\n", "missing '=' after attribute name: \"foo  bar\"")]
    [TestCase("\u00ef\u00bb\u00bf# c\n", "missing '=' after attribute name: \"\u00ef\u00bb\u00bf# c\"")]
    public async Task Fatal_messages_are_worded_as_postconf_words_them(string text, string message)
    {
        var stderr = await PostconfStderrAsync(text);
        stderr.Should().Contain($"/main.cf, line 1: {Printable(message)}");
    }

    [TestCase("  leading whitespace line that is long enough to be cut\nmyhostname = x\n", "  leading whitespace line that...")]
    [TestCase("  short\n  more\nmyhostname = x\n", "  short  more")]
    public async Task Leading_whitespace_warning_quotes_thirty_bytes_as_postconf_does(string text, string quoted)
    {
        var stderr = await PostconfStderrAsync(text);
        stderr.Should().Contain($"/main.cf: logical line must not start with whitespace: \"{quoted}\"");
    }

    [Test]
    public async Task A_BOM_is_part_of_the_first_name_as_postconf_sees_it()
    {
        var stderr = await PostconfStderrAsync("\u00ef\u00bb\u00bfmyhostname = x\n");
        stderr.Should().Contain("unused parameter: ???myhostname=x");
    }

    private static async Task<string> PostconfStderrAsync(string mainCf)
    {
        var dir = Postconf.CreateConfigDirectory(mainCf, string.Empty);
        try
        {
            var result = await Postconf.RunAsync("-c", dir, "-n");
            return result.StandardError;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    // Postfix's logger shows bytes that are not printable ASCII as '?' (src/util/printable.c); our messages keep them.
    private static string Printable(string s) => new(s.Select(c => c is >= ' ' and <= '~' ? c : '?').ToArray());
}
