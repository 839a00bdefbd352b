using System.Net;
using PostfixLint.Model.Tables;
using PostfixLint.Model.Values;
using PostfixLint.Syntax.Tables;

namespace PostfixLint.Simulation;

/// <summary>
/// Postfix match lists (<c>src/util/match_list.c</c>, <c>match_ops.c</c>): string lists (<c>mydestination</c>),
/// domain lists (<c>relay_domains</c>) and host/address lists (<c>mynetworks</c>). First match wins; <c>!</c> negates.
/// </summary>
internal static class MatchLists
{
    private const string V4AddressChars = "01234567890.";
    private const string V6AddressChars = V4AddressChars + "abcdefABCDEF:";
    private const string V6PatternChars = V6AddressChars + "[]/";

    private enum Kind
    {
        String,
        Hostname,
    }

    /// <summary>string_list_match(): exact, case-insensitive; tables get the string itself as key.</summary>
    /// <remarks>
    /// match_list.c casefolds the patterns when the list is built and the input at each match; a UTF-8 domain (from a
    /// client that sent SMTPUTF8) is compared as its UTF-8 bytes, folded as ICU folds them (<c>straße</c> matches
    /// <c>STRASSE</c>), with no IDNA conversion: a U-label never matches its <c>xn--</c> A-label.
    /// </remarks>
    public static MatchListResult MatchString(TableSet tables, string parameter, string value, string input) =>
        Match(tables, parameter, value, FoldInput(tables, input), Kind.String, parentStyle: false);

    /// <summary>domain_list_match(): hostname matching with parent domains per <c>parent_domain_matches_subdomains</c>.</summary>
    public static MatchListResult MatchDomain(TableSet tables, string parameter, string value, string input, bool parentStyle) =>
        Match(tables, parameter, value, FoldInput(tables, input), Kind.Hostname, parentStyle);

    /// <summary>The input of a string or domain list (decoded text) as the list's folded bytes.</summary>
    private static string FoldInput(TableSet tables, string input) =>
        System.Text.Ascii.IsValid(input) ? input.ToLowerInvariant() : FoldPattern(tables, TableText.Utf8Chars(input));

    /// <summary>casefold() of a list pattern or input (bytes): with ICU under util_utf8_enable, else A-Z only.</summary>
    private static string FoldPattern(TableSet tables, string bytes) => tables.Utf8 ? TableText.FoldKey(bytes) : TableText.LowerAscii(bytes);

    /// <summary>namadr_list_match() for <c>mynetworks</c>-style lists: for each pattern, the client name first, then its address.</summary>
    public static MatchListResult MatchNamadr(TableSet tables, string parameter, string value, string name, string address, bool parentStyle)
    {
        name = name.ToLowerInvariant();
        address = address.ToLowerInvariant();
        foreach (var (text, negations) in Patterns(tables, value, parameter))
        {
            var negated = negations % 2 == 1;
            // MATCH_DICTIONARY(): "type:name", but not "[ipv6]".
            if (!text.StartsWith('[') && text.Contains(':', StringComparison.Ordinal))
            {
                var table = tables.Open(text);
                var hostResult = LookupHost(table, name, parentStyle);
                if (hostResult.Outcome == MatchOutcome.NoMatch)
                {
                    hostResult = LookupOne(table, address);
                }

                if (hostResult.Outcome == MatchOutcome.Match)
                {
                    return new MatchListResult(negated ? MatchOutcome.NoMatch : MatchOutcome.Match, PatternText(text, negations), hostResult.Detail);
                }

                if (hostResult.Outcome != MatchOutcome.NoMatch)
                {
                    return hostResult with { Pattern = PatternText(text, negations) };
                }

                continue;
            }

            var pattern = text.ToLowerInvariant();
            var matched = HostnameMatches(name, pattern, parentStyle);
            if (!matched)
            {
                matched = MatchHostaddr(tables, address, pattern, out var error);
                if (error is not null)
                {
                    // match_hostaddr(): cidr_match_parse() fails only when the pattern is reached; the list lookup fails.
                    return new MatchListResult(MatchOutcome.Error, PatternText(text, negations), $"{parameter}: {error}");
                }
            }

            if (matched)
            {
                return new MatchListResult(negated ? MatchOutcome.NoMatch : MatchOutcome.Match, PatternText(text, negations), null);
            }
        }

        return MatchListResult.None;
    }

    /// <summary>
    /// match_hostaddr() for a literal pattern (<c>src/util/match_ops.c</c>): an exact string match, then — only when
    /// client and pattern are of the same address family (both with or both without ':'), the pattern has a '/' or ':'
    /// and consists of address characters — cidr_match_parse(), whose failure is a list error (DICT_ERR_RETRY).
    /// </summary>
    internal static bool MatchHostaddr(TableSet tables, string address, string pattern, out string? error)
    {
        error = null;
        if (address.AsSpan().IndexOfAnyExcept(V6AddressChars) >= 0)
        {
            return false;
        }

        if (pattern.StartsWith('[')
                ? pattern.Length == address.Length + 2 && pattern.EndsWith(']') && pattern.AsSpan(1, address.Length).SequenceEqual(address)
                : pattern == address)
        {
            return true;
        }

        // The light-weight tests: skip IPv4 against IPv6, bare IPv4 addresses (they only match exactly) and
        // anything that is not an address pattern (parent domain names in the list must not trigger parse errors).
        if (address.Contains(':', StringComparison.Ordinal) != pattern.Contains(':', StringComparison.Ordinal)
            || pattern.AsSpan().IndexOfAny(":/") < 0
            || pattern.AsSpan().IndexOfAnyExcept(V4AddressChars) < 0
            || pattern.AsSpan().IndexOfAnyExcept(V6PatternChars) >= 0)
        {
            return false;
        }

        var parsed = tables.Cidr(pattern);
        if (parsed.Error is not null)
        {
            error = parsed.Error;
            return false;
        }

        // cidr_match_execute(): the client address in the pattern's family.
        return IPAddress.TryParse(address, out var client) && client.AddressFamily == parsed.Network.BaseAddress.AddressFamily
               && parsed.Network.Contains(client);
    }

    private static MatchListResult Match(TableSet tables, string parameter, string value, string input, Kind kind, bool parentStyle)
    {
        foreach (var (text, negations) in Patterns(tables, value, parameter))
        {
            var negated = negations % 2 == 1;
            MatchListResult result;
            if (text.Contains(':', StringComparison.Ordinal) && !text.StartsWith('['))
            {
                var table = tables.Open(text);
                result = kind == Kind.String ? LookupOne(table, input) : LookupHost(table, input, parentStyle);
            }
            else
            {
                var pattern = FoldPattern(tables, text);
                var matched = kind == Kind.String ? input == pattern : HostnameMatches(input, pattern, parentStyle);
                result = matched ? new MatchListResult(MatchOutcome.Match, null, null) : MatchListResult.None;
            }

            switch (result.Outcome)
            {
                case MatchOutcome.Match:
                    return new MatchListResult(negated ? MatchOutcome.NoMatch : MatchOutcome.Match, PatternText(text, negations), result.Detail);
                case MatchOutcome.Error:
                case MatchOutcome.Unknown:
                    return result with { Pattern = PatternText(text, negations) };
            }
        }

        return MatchListResult.None;
    }

    private static string PatternText(string text, int negations) => new string('!', negations) + text;

    /// <summary>match_hostname() for a literal pattern.</summary>
    private static bool HostnameMatches(string name, string pattern, bool parentStyle)
    {
        if (name == pattern)
        {
            return true;
        }

        if (parentStyle)
        {
            return name.Length > pattern.Length && name.EndsWith(pattern, StringComparison.Ordinal) && name[name.Length - pattern.Length - 1] == '.';
        }

        return pattern.StartsWith('.') && name.Length > pattern.Length && name.EndsWith(pattern, StringComparison.Ordinal);
    }

    /// <summary>match_hostname() for a table: the name, then (fixed-key tables only) its parent domains.</summary>
    private static MatchListResult LookupHost(ILookupTable table, string name, bool parentStyle)
    {
        var entry = name;
        var first = true;
        while (entry.Length > 0)
        {
            if (first || table.IsFixedKey)
            {
                var result = LookupOne(table, entry);
                if (result.Outcome != MatchOutcome.NoMatch)
                {
                    return result;
                }
            }

            first = false;
            var next = entry.IndexOf('.', 1);
            if (next < 0)
            {
                break;
            }

            entry = parentStyle ? entry[(next + 1)..] : entry[next..];
        }

        return MatchListResult.None;
    }

    private static MatchListResult LookupOne(ILookupTable table, string key)
    {
        var lookup = table.Lookup(key);
        if (lookup.Status is not (TableLookupStatus.Found or TableLookupStatus.Error or TableLookupStatus.Unknown))
        {
            return MatchListResult.None;
        }

        var spec = TraceText.Clip(table.Spec);
        key = TraceText.Clip(key);
        return lookup.Status switch
        {
            TableLookupStatus.Found => new MatchListResult(MatchOutcome.Match, null, lookup.Line > 0 ? $"{spec} has \"{key}\" ({lookup.Source}:{lookup.Line})" : $"{spec} has \"{key}\""),
            TableLookupStatus.Error => new MatchListResult(MatchOutcome.Error, null, $"{TraceText.ClipOrNull(table.UnavailableReason) ?? spec + " is unavailable"}; {spec}: table lookup problem"),
            TableLookupStatus.Unknown => new MatchListResult(MatchOutcome.Unknown, null, $"the contents of {spec} are not known (looked up \"{key}\")"),
            _ => MatchListResult.None,
        };
    }

    /// <summary>The patterns of a list, with <c>/file</c> entries replaced by the file's patterns, stopping at a <c>#</c> comment.</summary>
    private static List<(string Text, int Negations)> Patterns(TableSet tables, string value, string parameter) =>
        tables.Patterns(value, v => Distinct(ReadPatterns(tables, v, parameter)));

    // Each pattern's test depends only on the pattern and the input, and a list returns at the first pattern that
    // decides, so a repeated pattern (and its negations) never decides: dropping it keeps every answer, and a list
    // that names one domain 10^5 times (a doubling chain of parameters) is matched in one step per distinct pattern.
    private static List<(string Text, int Negations)> Distinct(IEnumerable<(string Text, int Negations)> patterns)
    {
        var seen = new HashSet<(string Text, int Negations)>();
        var result = new List<(string Text, int Negations)>();
        foreach (var pattern in patterns)
        {
            if (seen.Add(pattern))
            {
                result.Add(pattern);
            }
        }

        return result;
    }

    private static IEnumerable<(string Text, int Negations)> ReadPatterns(TableSet tables, string value, string parameter, int depth = 0)
    {
        foreach (var element in PostfixList.Split(value))
        {
            if (element.Text.StartsWith('#'))
            {
                yield break;
            }

            var negations = 0;
            while (negations < element.Text.Length && element.Text[negations] == '!')
            {
                negations++;
            }

            var text = element.Text[negations..];
            if (text.Length == 0)
            {
                continue;
            }

            if (text.StartsWith('/') && depth < 10)
            {
                var content = tables.ReadListFile(text) ?? "";
                var lines = string.Join(' ', content.Split('\n').Select(l => l.TrimStart()).Where(l => !l.StartsWith('#')));
                foreach (var inner in ReadPatterns(tables, lines, parameter, depth + 1))
                {
                    yield return (inner.Text, inner.Negations + negations);
                }

                continue;
            }

            yield return (text, negations);
        }
    }
}
