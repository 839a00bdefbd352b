using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace PostfixLint.Syntax;

/// <summary>
/// The text form of a Postfix network pattern as <c>cidr_match_parse()</c> (<c>src/util/cidr_match.c</c>) reads it,
/// with Postfix's exact error texts: shared by <c>cidr:</c> table syntax and the model's network lists.
/// </summary>
internal static class CidrText
{
    /// <summary>Port of <c>cidr_match_parse()</c> (<c>src/util/cidr_match.c</c>): null on success, else Postfix's message.</summary>
    /// <param name="text">The pattern: <c>address</c>, <c>address/len</c>, <c>[v6]</c> or <c>[v6]/len</c>.</param>
    /// <param name="network">The network (a host route for a bare address); default on error.</param>
    public static string? Parse(string text, out IPNetwork network)
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
            if (mask.Length == 0 || !mask.All(char.IsAsciiDigit))
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
    public static bool TryParseInetPton(string text, AddressFamily family, out IPAddress address)
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
