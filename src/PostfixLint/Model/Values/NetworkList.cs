using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using PostfixLint.Syntax;
using PostfixLint.Syntax.Grammar;

namespace PostfixLint.Model.Values;

/// <summary>Parses host/network match lists (<c>mynetworks</c> and friends) as <c>src/util/match_list.c</c> and <c>match_ops.c</c> do.</summary>
public static class NetworkList
{
    /// <summary>The parsed list: its entries and the messages Postfix would log.</summary>
    /// <param name="Entries">Entries up to a <c>#</c> comment or a fatal <c>!</c>.</param>
    /// <param name="Messages">The comment warning, the fatal <c>no pattern after '!'</c>, and the lazily reported CIDR errors as warnings prefixed with the parameter name.</param>
    public sealed record Result(ImmutableArray<NetworkEntry> Entries, ImmutableArray<MacroMessage> Messages);

    /// <summary>Parses an (already expanded) list value.</summary>
    public static Result Parse(string value, string parameterName = "mynetworks")
    {
        ArgumentNullException.ThrowIfNull(value);
        var entries = ImmutableArray.CreateBuilder<NetworkEntry>();
        var messages = ImmutableArray.CreateBuilder<MacroMessage>();
        foreach (var element in PostfixList.Split(value))
        {
            if (element.Text.StartsWith('#'))
            {
                // match_list_parse(): "%s: comment at end of line is not supported: %s %s" with the token and the text after its separator.
                var restStart = Math.Min(element.Span.End + 1, value.Length);
                messages.Add(new MacroMessage(DiagnosticSeverity.Warning,
                    $"{parameterName}: comment at end of line is not supported: {element.Text} {value[restStart..]}"));
                break;
            }

            var syntax = NetworkElementGrammar.TryParse(element.Text);
            if (syntax is null)
            {
                messages.Add(new MacroMessage(DiagnosticSeverity.Fatal, $"{parameterName}: no pattern after '!'"));
                break;
            }

            var entry = Classify(element.Text, syntax, element.Span);
            if (entry.Error != null)
            {
                messages.Add(new MacroMessage(DiagnosticSeverity.Warning, $"{parameterName}: {entry.Error}"));
            }

            entries.Add(entry);
        }

        return new Result(entries.ToImmutable(), messages.ToImmutable());
    }

    private static NetworkEntry Classify(string text, NetworkElementSyntax syntax, TextSpan span)
    {
        var item = text.Substring(syntax.PatternSpan.Start, syntax.PatternSpan.Length);
        var negations = syntax.Negations;
        switch (syntax.Shape)
        {
            case NetworkElementShape.File:
                return new NetworkEntry(item, span, negations, NetworkEntryKind.File);
            case NetworkElementShape.Table:
                return new NetworkEntry(item, span, negations, NetworkEntryKind.Table)
                {
                    Map = syntax.Map is { } map ? new MapReference(map.Type, map.Name, new TextSpan(span.Start + negations, item.Length)) : null,
                };
            case NetworkElementShape.AddressPattern:
                {
                    // match_hostaddr(): only these reach cidr_match_parse(), whose messages are kept verbatim.
                    var error = ParseCidr(item, out var network);
                    return error == null
                        ? new NetworkEntry(item, span, negations, NetworkEntryKind.Network) { Network = network }
                        : new NetworkEntry(item, span, negations, NetworkEntryKind.InvalidNetwork) { Error = error };
                }

            case NetworkElementShape.Address:
                {
                    var bare = item.StartsWith('[') ? item[1..^1] : item;
                    return new NetworkEntry(item, span, negations, NetworkEntryKind.Address)
                    {
                        Address = TryParseInetPton(bare, AddressFamily.InterNetwork, out var address) ? address : null,
                    };
                }

            default:
                return new NetworkEntry(item, span, negations, NetworkEntryKind.Hostname);
        }
    }

    /// <summary>Port of <c>cidr_match_parse()</c> (<c>src/util/cidr_match.c</c>): null on success, else Postfix's message.</summary>
    public static string? ParseCidr(string text, out IPNetwork network)
    {
        ArgumentNullException.ThrowIfNull(text);
        network = default;
        var pattern = text;
        string maskSearch;
        if (pattern.StartsWith('['))
        {
            pattern = pattern[1..];
            var close = pattern.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                return $"missing ']' character after \"[{pattern}\"";
            }

            var after = pattern[(close + 1)..];
            pattern = pattern[..close];
            if (!after.StartsWith('/'))
            {
                if (after.Length != 0)
                {
                    return $"garbage after \"[{pattern}]\"";
                }

                maskSearch = pattern;
            }
            else
            {
                maskSearch = after;
            }
        }
        else
        {
            maskSearch = pattern;
        }

        var slash = maskSearch.IndexOf('/', StringComparison.Ordinal);
        var family = pattern.Contains(':', StringComparison.Ordinal) ? AddressFamily.InterNetworkV6 : AddressFamily.InterNetwork;
        var bits = family == AddressFamily.InterNetworkV6 ? 128 : 32;
        if (slash >= 0)
        {
            var mask = maskSearch[(slash + 1)..];
            if (ReferenceEquals(maskSearch, pattern) || maskSearch == pattern)
            {
                pattern = pattern[..slash];
            }

            string? parseError = null;
            var length = 0;
            if (!CNumber.AllDigits(mask))
            {
                parseError = "bad mask value";
            }
            else if (!int.TryParse(mask, NumberStyles.None, CultureInfo.InvariantCulture, out length) || length > bits)
            {
                parseError = "bad mask length";
            }

            IPAddress? address = null;
            if (parseError == null && !TryParseInetPton(pattern, family, out address))
            {
                parseError = "bad network value";
            }

            if (parseError != null)
            {
                return $"{parseError} in \"{pattern}/{mask}\"";
            }

            var fixedAddress = MaskAddress(address!, length);
            if (!fixedAddress.Equals(address))
            {
                return $"non-null host address bits in \"{pattern}/{mask}\", perhaps you should use \"{fixedAddress}/{length}\" instead";
            }

            network = new IPNetwork(address!, length);
            return null;
        }

        if (!TryParseInetPton(pattern, family, out var single))
        {
            return $"bad address pattern: \"{pattern}\"";
        }

        network = new IPNetwork(single, bits);
        return null;
    }

    // mask_addr() in src/util/mask_addr.c: clear the bits after the prefix.
    private static IPAddress MaskAddress(IPAddress address, int prefixLength)
    {
        var bytes = address.GetAddressBytes();
        for (var i = 0; i < bytes.Length; i++)
        {
            var keep = Math.Clamp(prefixLength - (i * 8), 0, 8);
            bytes[i] &= (byte)(0xff << (8 - keep));
        }

        return new IPAddress(bytes);
    }

    /// <summary>Strict <c>inet_pton()</c>: IPv4 needs four decimal octets without leading zeros; IPv6 no scope or brackets.</summary>
    private static bool TryParseInetPton(string text, AddressFamily family, out IPAddress address)
    {
        address = IPAddress.None;
        if (family == AddressFamily.InterNetwork)
        {
            var parts = text.Split('.');
            if (parts.Length != 4 || parts.Any(p => p.Length == 0 || p.Length > 3 || !p.All(char.IsAsciiDigit)
                                                    || (p.Length > 1 && p[0] == '0') || int.Parse(p, CultureInfo.InvariantCulture) > 255))
            {
                return false;
            }
        }
        else if (text.AsSpan().IndexOfAny("%[]/") >= 0 || text.Length == 0)
        {
            return false;
        }

        if (!IPAddress.TryParse(text, out var parsed) || parsed.AddressFamily != family)
        {
            return false;
        }

        address = parsed;
        return true;
    }
}
