using System.Text;

namespace PostfixLint.Tests.Syntax;

/// <summary>Seeded generator of main.cf-like texts mixing every line shape readllines() distinguishes.</summary>
internal static class MainCfGenerator
{
    public static readonly string[] KnownNames =
        ["smtpd_banner", "mydestination", "relay_domains", "mynetworks", "alias_maps", "myhostname", "myorigin", "home_mailbox"];

    private static readonly string[] Words = ["a", "b,", "x.example", "\u00e9t\u00e9", "\u0085", "\u00a0z", "#hash", "10.0.0.0/8", "={x}", "w\u00ff"];

    /// <summary>Builds one text; with <paramref name="validOnly"/> no line makes postconf fatal.</summary>
    public static string Generate(int seed, bool validOnly)
    {
        var random = new Random(seed);
        var builder = new StringBuilder();
        var crlf = random.Next(3) == 0;
        if (random.Next(8) == 0)
        {
            // A valid-only text is written to a file for postconf: U+FEFF has no Latin-1 byte (SourceFile.Write refuses it).
            var utf8Bytes = random.Next(2) == 0 || validOnly;
            builder.Append(utf8Bytes ? "\u00ef\u00bb\u00bf" : "\uFEFF");
            if (validOnly)
            {
                // Postfix reads a BOM as part of the first line: only a name=value line there is not fatal.
                Line(builder, "bom_name = x", random, crlf);
            }
        }

        if (random.Next(6) == 0)
        {
            Line(builder, "  orphan " + Value(random), random, crlf);
            Line(builder, "\tstill orphan", random, crlf);
        }

        var lines = random.Next(1, 25);
        for (var i = 0; i < lines; i++)
        {
            switch (random.Next(validOnly ? 9 : 13))
            {
                case 0:
                    Line(builder, random.Next(2) == 0 ? "# comment " + Value(random) : "   # indented comment", random, crlf);
                    break;
                case 1:
                    Line(builder, random.Next(3) switch { 0 => "", 1 => "   ", _ => " \t " }, random, crlf);
                    break;
                case 2 or 3:
                    Line(builder, (random.Next(2) == 0 ? "  " : "\t") + Value(random) + Spaces(random), random, crlf);
                    break;
                case 9:
                    Line(builder, "foo bar " + Value(random), random, crlf);
                    break;
                case 10:
                    Line(builder, "= " + Value(random), random, crlf);
                    break;
                case 11:
                    Line(builder, Name(random) + " = a\0" + Value(random), random, crlf);
                    break;
                case 12:
                    Line(builder, "\0 = x", random, crlf);
                    break;
                default:
                    Line(builder, Name(random) + Spaces(random) + "=" + Spaces(random) + Value(random) + Spaces(random), random, crlf);
                    break;
            }
        }

        if (random.Next(4) == 0 && builder.Length > 0)
        {
            // Missing final newline.
            builder.Length -= builder[^1] == '\n' && builder.Length > 1 && builder[^2] == '\r' ? 2 : 1;
        }

        return builder.ToString();
    }

    private static string Name(Random random) => KnownNames[random.Next(KnownNames.Length)];

    private static string Spaces(Random random) => random.Next(4) switch { 0 => "", 1 => " ", 2 => "\t", _ => "  \t " };

    private static string Value(Random random)
    {
        var count = random.Next(0, 4);
        var parts = new List<string>();
        for (var i = 0; i < count; i++)
        {
            parts.Add(Words[random.Next(Words.Length)]);
        }

        return string.Join(random.Next(2) == 0 ? " " : "  ", parts);
    }

    private static void Line(StringBuilder builder, string line, Random random, bool crlf)
    {
        builder.Append(line);
        builder.Append(crlf || random.Next(10) == 0 ? "\r\n" : "\n");
    }
}
