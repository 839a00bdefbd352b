using System.Text;

namespace PostfixLint.IntegrationTests.Support;

/// <summary>Writes generated main.cf entries in randomly varied but legal layouts (spacing, tabs, continuations, comments).</summary>
internal sealed class MainCfWriter(Random random, string newline)
{
    private readonly StringBuilder _text = new();

    /// <summary>Adds a whole-line comment.</summary>
    public void Comment(string text) => _text.Append("# ").Append(text).Append(newline);

    /// <summary>Adds <c>name = value</c>, possibly split over continuation lines with comments and blank lines inside.</summary>
    public void Parameter(string name, string value)
    {
        if (random.Next(6) == 0)
        {
            _text.Append(random.Next(2) == 0 ? newline : "#" + newline);
        }

        var separator = random.Next(6) switch
        {
            0 => "=",
            1 => "\t=\t",
            2 => " =",
            3 => "  =   ",
            _ => " = ",
        };
        _text.Append(name).Append(separator);

        var words = value.Split(' ');
        if (words.Length > 1 && random.Next(3) == 0)
        {
            // postconf(5): a line that starts with whitespace continues the previous one; comment and blank
            // lines inside the value are skipped (src/util/readlline.c).
            var cut = random.Next(1, words.Length);
            _text.Append(string.Join(' ', words[..cut])).Append(newline);
            if (random.Next(2) == 0)
            {
                _text.Append(random.Next(3) switch { 0 => "  # inside the value", 1 => "# column-0 comment inside", _ => "   " }).Append(newline);
            }

            if (random.Next(3) == 0)
            {
                _text.Append(newline);
            }

            _text.Append(random.Next(2) == 0 ? "\t" : "    ").Append(string.Join(' ', words[cut..]));
        }
        else
        {
            _text.Append(value);
        }

        _text.Append(random.Next(8) == 0 ? " \t" : "").Append(newline);
    }

    /// <inheritdoc />
    public override string ToString() => _text.ToString();
}
