using System.Text;

namespace PostfixLint.IntegrationTests.Instance;

/// <summary>The xtext encoding of RFC 1891 that XCLIENT attribute values use (<c>src/smtpd/smtpd.c</c> <c>xclient_cmd()</c> decodes it).</summary>
internal static class XText
{
    /// <summary>Encodes every byte outside <c>!</c>..<c>~</c>, and <c>+</c> and <c>=</c>, as <c>+HH</c>.</summary>
    public static string Encode(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (b is < 33 or > 126 or (byte)'+' or (byte)'=')
            {
                builder.Append('+').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append((char)b);
            }
        }

        return builder.ToString();
    }
}
