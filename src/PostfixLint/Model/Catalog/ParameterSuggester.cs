using System.Collections.Immutable;

namespace PostfixLint.Model.Catalog;

/// <summary>"Did you mean" for parameter names: edit distance plus prefix and plural heuristics.</summary>
internal static class ParameterSuggester
{
    private const int MaxSuggestions = 3;

    public static ImmutableArray<string> Suggest(string unknown, ImmutableArray<string> names)
    {
        var query = unknown.Trim().ToLowerInvariant();
        if (query.Length == 0)
        {
            return [];
        }

        // Allow about one edit per four characters (at least one, at most three): "mynetwork" (1 edit) and
        // "smtpd_relay_restriction" (1 edit) match, while short words do not match every short name.
        var threshold = Math.Clamp(query.Length / 4, 1, 3);
        var scored = new List<(string Name, int Score, int Distance)>();
        foreach (var name in names)
        {
            if (name == unknown)
            {
                continue;
            }

            var score = int.MaxValue;
            var distance = int.MaxValue;
            if (Math.Abs(name.Length - query.Length) <= threshold)
            {
                distance = OptimalStringAlignment(query, name, threshold);
                if (distance <= threshold)
                {
                    score = distance * 10;
                }
            }

            // A missing or extra plural "s" is the most common slip (smtpd_relay_restriction).
            if (IsPlural(name, query) || IsPlural(query, name))
            {
                score = Math.Min(score, 1);
            }

            // A truncated name ("smtpd_tls_cert" for smtpd_tls_cert_file): rank after real typos of the same size.
            else if (query.Length >= 6 && name.StartsWith(query, StringComparison.Ordinal) && name.Length - query.Length <= 8)
            {
                score = Math.Min(score, 10 + ((name.Length - query.Length) * 3));
            }

            if (score != int.MaxValue)
            {
                scored.Add((name, score, distance));
            }
        }

        return
        [
            .. scored
                .OrderBy(s => s.Score)
                .ThenByDescending(s => CommonPrefixLength(s.Name, query))
                .ThenBy(s => s.Name, StringComparer.Ordinal)
                .Take(MaxSuggestions)
                .Select(s => s.Name),
        ];
    }

    // plural == singular + "s", without building the longer string (a name may be 100 KiB long).
    private static bool IsPlural(string plural, string singular) =>
        plural.Length == singular.Length + 1 && plural[^1] == 's' && plural.StartsWith(singular, StringComparison.Ordinal);

    private static int CommonPrefixLength(string a, string b)
    {
        var n = Math.Min(a.Length, b.Length);
        var i = 0;
        while (i < n && a[i] == b[i])
        {
            i++;
        }

        return i;
    }

    // Damerau-Levenshtein in its "optimal string alignment" form (adjacent transpositions count as one edit),
    // abandoning a row early once every cell exceeds the threshold.
    private static int OptimalStringAlignment(string a, string b, int threshold)
    {
        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }

                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }

            if (rowMin > threshold)
            {
                return threshold + 1;
            }

            (previous2, previous, current) = (previous, current, previous2);
        }

        return previous[b.Length];
    }
}
