using PostfixLint.Cli.Reporting;

namespace PostfixLint.Tests.Cli;

/// <summary>The CLI's crossing between one-char-per-byte text (configuration, log files) and decoded text (probes).</summary>
public sealed class Utf8OutputTests
{
    [Test]
    public void Decoded_text_goes_out_as_its_utf8_bytes_and_configuration_bytes_pass_through()
    {
        var configBytes = System.Text.Encoding.Latin1.GetString(System.Text.Encoding.UTF8.GetBytes("f\u00fcr"));

        Utf8Output.Encode("<j\u00f6rg@ex\u00e4mple.org> \u2192 ok").Should().Be(System.Text.Encoding.Latin1.GetString(System.Text.Encoding.UTF8.GetBytes("<j\u00f6rg@ex\u00e4mple.org> \u2192 ok")));
        Utf8Output.Encode("j\u00f6rg: " + configBytes).Should().Be(System.Text.Encoding.Latin1.GetString(System.Text.Encoding.UTF8.GetBytes("j\u00f6rg: f\u00fcr")));
        Utf8Output.Encode("plain ascii").Should().Be("plain ascii");
    }

    [Test]
    public void A_line_read_one_char_per_byte_is_decoded_only_when_it_is_utf8()
    {
        var utf8 = System.Text.Encoding.Latin1.GetString(System.Text.Encoding.UTF8.GetBytes("{\"recipient\":\"j\u00f6rg@example.com\"}"));

        Utf8Output.Decode(utf8).Should().Be("{\"recipient\":\"j\u00f6rg@example.com\"}");
        Utf8Output.Decode("latin-1 j\u00f6rg").Should().Be("latin-1 j\u00f6rg", "a lone 0xF6 byte is not UTF-8: the line is kept as it is");
    }
}
