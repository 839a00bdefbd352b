using System.Text;

namespace PostfixLint.Tests.Support.Golden;

/// <summary>A unified diff of two texts by lines, for mismatch messages (the inputs are small goldens).</summary>
internal static class UnifiedDiff
{
    private const int Context = 3;

    /// <summary>The diff from <paramref name="expected"/> to <paramref name="actual"/>, or an empty string when they are equal.</summary>
    public static string Create(string expected, string actual, string expectedName, string actualName)
    {
        if (expected == actual)
        {
            return string.Empty;
        }

        var a = SplitLines(expected);
        var b = SplitLines(actual);
        var edits = Edits(a, b);
        var output = new StringBuilder();
        output.Append("--- ").Append(expectedName).Append('\n').Append("+++ ").Append(actualName).Append('\n');
        var index = 0;
        while (index < edits.Count)
        {
            if (edits[index].Kind == ' ')
            {
                index++;
                continue;
            }

            // A hunk: the change plus up to three lines of context on each side, merging changes that are close.
            var first = Math.Max(0, index - Context);
            var last = index;
            for (var k = index; k < edits.Count; k++)
            {
                if (edits[k].Kind != ' ')
                {
                    last = k;
                }
                else if (k - last > 2 * Context)
                {
                    break;
                }
            }

            var stop = Math.Min(edits.Count, last + Context + 1);
            var hunk = edits.GetRange(first, stop - first);
            var oldStart = hunk[0].OldLine;
            var newStart = hunk[0].NewLine;
            var oldCount = hunk.Count(e => e.Kind != '+');
            var newCount = hunk.Count(e => e.Kind != '-');
            output.Append($"@@ -{oldStart + (oldCount == 0 ? 0 : 1)},{oldCount} +{newStart + (newCount == 0 ? 0 : 1)},{newCount} @@\n");
            foreach (var edit in hunk)
            {
                output.Append(edit.Kind).Append(edit.Text).Append('\n');
            }

            index = stop;
        }

        if (!expected.EndsWith('\n') || !actual.EndsWith('\n'))
        {
            output.Append($"(expected ends {(expected.EndsWith('\n') ? "with" : "without")} a newline, actual {(actual.EndsWith('\n') ? "with" : "without")})\n");
        }

        return output.ToString();
    }

    private static string[] SplitLines(string text)
    {
        var lines = text.Split('\n');
        return text.EndsWith('\n') ? lines[..^1] : lines;
    }

    // Longest common subsequence by dynamic programming: fine for goldens of a few hundred lines.
    private static List<Edit> Edits(string[] a, string[] b)
    {
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var edits = new List<Edit>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                edits.Add(new Edit(' ', a[x], x, y));
                x++;
                y++;
            }
            else if (y < b.Length && (x == a.Length || lcs[x, y + 1] >= lcs[x + 1, y]))
            {
                edits.Add(new Edit('+', b[y], x, y));
                y++;
            }
            else
            {
                edits.Add(new Edit('-', a[x], x, y));
                x++;
            }
        }

        return edits;
    }

    private readonly record struct Edit(char Kind, string Text, int OldLine, int NewLine);
}
