using System.Text;

namespace PostfixLint.Fuzz;

/// <summary>Seeded mutations of seed inputs: byte flips, truncation, insertions of Postfix's special characters and BOMs, long lines, deep nesting, cycles.</summary>
internal sealed class Mutator(int seed)
{
    private static readonly string[] s_tokens =
    [
        "\0", "\r", "\n", "\t", " ", "{", "}", "$", "(", ")", "\\", "=", ",", "#", "\u00EF\u00BB\u00BF", ":", "/", "[", "]",
        "${a?{", "${{$a} == {", "}?{y}}", "$$", "inline:{", "unionmap:{", "pipemap:{", "proxy:", "regexp:", "pcre:", "cidr:",
        "\n\t", "\n ", "-o ", "\\\n", "\"", "!", "/^(a+)+$/", "if /a/\n", "endif\n", "smtpd_restriction_classes = c1\nc1 = c1\n",
        "smtpd_recipient_restrictions = ", "reject_unauth_destination", "permit_mynetworks", "mynetworks = ", "0.0.0.0/0", "[::1]/128",
        "\\ud800", "\"\\uD800\"", "{\"client\":", "[", "true", "null", "1e999",
    ];

    private readonly Random _random = new(seed);

    /// <summary>One mutated input from <paramref name="seed"/> (1 to 4 mutations stacked).</summary>
    public byte[] Mutate(byte[] seed)
    {
        var data = new List<byte>(seed);
        var count = 1 + _random.Next(4);
        for (var i = 0; i < count; i++)
        {
            MutateOnce(data);
        }

        return [.. data];
    }

    private void MutateOnce(List<byte> data)
    {
        var at = data.Count == 0 ? 0 : _random.Next(data.Count + 1);
        switch (_random.Next(10))
        {
            case 0 when data.Count > 0:
                data[Math.Min(at, data.Count - 1)] ^= (byte)(1 << _random.Next(8));
                break;
            case 1 when data.Count > 0:
                data.RemoveRange(at, data.Count - at);
                break;
            case 2 when data.Count > 0:
                data.RemoveRange(Math.Min(at, data.Count - 1), Math.Min(1 + _random.Next(16), data.Count - Math.Min(at, data.Count - 1)));
                break;
            case 3:
                // A long line.
                data.InsertRange(at, Enumerable.Repeat((byte)"a$x{ ,"[_random.Next(6)], 1 << (8 + _random.Next(10))));
                break;
            case 4:
                data.InsertRange(at, Nesting());
                break;
            case 5:
                data.InsertRange(at, Encoding.Latin1.GetBytes(Cycle()));
                break;
            case 6 when data.Count > 0:
                // Duplicate a slice somewhere else.
                var start = _random.Next(data.Count);
                var length = Math.Min(data.Count - start, 1 + _random.Next(256));
                data.InsertRange(at, data.GetRange(start, length));
                break;
            default:
                data.InsertRange(at, Encoding.Latin1.GetBytes(s_tokens[_random.Next(s_tokens.Length)]));
                break;
        }
    }

    private byte[] Nesting()
    {
        var depth = 1 << _random.Next(12);
        var (open, close) = _random.Next(6) switch
        {
            0 => ("${a?{", "}}"),
            1 => ("${{$a} == {", "}?{y}}"),
            2 => ("unionmap:{", "}"),
            3 => ("inline:{", "}"),
            4 => ("proxy:", ""),
            _ => ("{", "}"),
        };
        var text = new StringBuilder(depth * (open.Length + close.Length) + 16);
        text.Insert(0, open, depth).Append("inline:{a=b}").Insert(text.Length, close, depth);
        return Encoding.Latin1.GetBytes(text.ToString());
    }

    private string Cycle() => _random.Next(3) switch
    {
        0 => "\na = $b\nb = $a\nmyhostname = $a\n",
        1 => "\nsmtpd_restriction_classes = c1 c2\nc1 = c2\nc2 = c1\nsmtpd_client_restrictions = c1\n",
        _ => "\n" + string.Concat(Enumerable.Range(1, 26).Select(i => $"e{i} = $e{i - 1} $e{i - 1}\n")) + "e0 = x\nmyhostname = $e26\n",
    };
}
