using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text;

namespace PostfixLint.Model.Catalog;

/// <summary>Parses the embedded postconf-3.7.11-defaults.txt into sorted arrays.</summary>
/// <remarks>
/// This runs on every CLI start, so it avoids LINQ, immutable dictionaries and generic sorts, whose first-use JIT
/// cost is far above the ~1 ms budget; lookups use <see cref="Find"/>, an ordinal binary search.
/// </remarks>
internal sealed class CatalogData
{
    private const string ComputedMarker = " (computed)";

    private CatalogData(string[] names, string?[] defaults)
    {
        NameArray = names;
        Defaults = defaults;
        Names = ImmutableCollectionsMarshal.AsImmutableArray(names);
    }

    public ImmutableArray<string> Names { get; }

    /// <summary>The names as an array, sorted ordinally (as postconf sorts with strcmp).</summary>
    public string[] NameArray { get; }

    /// <summary>Defaults parallel to <see cref="NameArray"/>; <see langword="null"/> for computed entries.</summary>
    public string?[] Defaults { get; }

    public static CatalogData Load()
    {
        var text = ReadResource("PostfixLint.Model.Catalog.postconf-3.7.11-defaults.txt");
        var names = new List<string>(840);
        var defaults = new List<string?>(840);
        var start = 0;
        while (NextLine(text, ref start, out var line))
        {
            if (line.StartsWith('#'))
            {
                continue;
            }

            if (line.EndsWith(ComputedMarker, StringComparison.Ordinal))
            {
                names.Add(line[..^ComputedMarker.Length]);
                defaults.Add(null);
                continue;
            }

            // postconf prints "name = value", or "name =" when the value is empty.
            var equals = line.IndexOf(" =", StringComparison.Ordinal);
            names.Add(line[..equals]);
            defaults.Add(equals + 3 <= line.Length ? line[(equals + 3)..] : string.Empty);
        }

        var nameArray = names.ToArray();
        var defaultArray = defaults.ToArray();

        // The generator sorts with LC_ALL=C (ordinal); sort only if someone edited the file by hand.
        for (var i = 1; i < nameArray.Length; i++)
        {
            if (string.CompareOrdinal(nameArray[i - 1], nameArray[i]) >= 0)
            {
                Array.Sort(nameArray, defaultArray, StringComparer.Ordinal);
                break;
            }
        }

        return new CatalogData(nameArray, defaultArray);
    }

    /// <summary>The index of <paramref name="name"/> in the ordinally sorted <paramref name="sorted"/>, or -1.</summary>
    public static int Find(string[] sorted, string name)
    {
        int low = 0, high = sorted.Length - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) >> 1);
            var order = string.CompareOrdinal(sorted[middle], name);
            if (order == 0)
            {
                return middle;
            }

            if (order < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return -1;
    }

    public static string ReadResource(string name)
    {
        using var stream = typeof(CatalogData).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded resource {name} is missing from the PostfixLint assembly");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return Encoding.UTF8.GetString(bytes);
    }

    /// <summary>Returns the next non-empty line (without CR/LF) at or after <paramref name="start"/>.</summary>
    public static bool NextLine(string text, ref int start, out string line)
    {
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                end = text.Length;
            }

            var length = end - start;
            if (length > 0 && text[end - 1] == '\r')
            {
                length--;
            }

            line = text.Substring(start, length);
            start = end + 1;
            if (line.Length > 0)
            {
                return true;
            }
        }

        line = string.Empty;
        return false;
    }
}
