using System.Net;
using System.Net.Sockets;

namespace PostfixLint.Simulation.Checks;

/// <summary>Host name and address syntax as smtpd checks it (<c>src/util/valid_hostname.c</c>, <c>src/global/valid_mailhost_addr.c</c>).</summary>
internal static class HostSyntax
{
    /// <summary>smtpd's dup_if_truncate(): drop one trailing dot, but not from <c>..</c>.</summary>
    public static string DupIfTruncate(string name) =>
        name.Length > 1 && name[^1] == '.' && name[^2] != '.' ? name[..^1] : name;

    /// <summary>valid_hostname(): labels of letters, digits and hyphens, not all-numeric.</summary>
    public static bool ValidHostname(string name)
    {
        if (name.Length == 0 || name.Length > 255)
        {
            return false;
        }

        var labels = name.Split('.');
        var nonNumeric = false;
        foreach (var label in labels)
        {
            if (label.Length == 0 || label.Length > 63 || label[0] == '-' || label[^1] == '-')
            {
                return false;
            }

            foreach (var c in label)
            {
                if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
                {
                    return false;
                }

                nonNumeric |= !char.IsAsciiDigit(c);
            }
        }

        return nonNumeric;
    }

    /// <summary>valid_hostaddr(): a dotted-quad IPv4 address or an IPv6 address.</summary>
    public static bool ValidHostaddr(string text) =>
        (text.Count(c => c == '.') == 3 && IPAddress.TryParse(text, out var v4) && v4.AddressFamily == AddressFamily.InterNetwork)
        || (text.Contains(':', StringComparison.Ordinal) && IPAddress.TryParse(text, out var v6) && v6.AddressFamily == AddressFamily.InterNetworkV6);

    /// <summary>valid_mailhost_addr(): an IPv4 address, or <c>IPv6:</c> and an IPv6 address.</summary>
    public static bool ValidMailhostAddr(string text) =>
        text.StartsWith("IPv6:", StringComparison.OrdinalIgnoreCase)
            ? ValidHostaddr(text[5..]) && text[5..].Contains(':', StringComparison.Ordinal)
            : ValidHostaddr(text) && !text.Contains(':', StringComparison.Ordinal);
}
