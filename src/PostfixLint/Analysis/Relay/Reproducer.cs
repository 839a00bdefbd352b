using System.Text;
using PostfixLint.Simulation;

namespace PostfixLint.Analysis.Relay;

/// <summary>Builds <c>swaks</c> command lines that replay a probe against a live server.</summary>
internal static class Reproducer
{
    public static string Swaks(string server, SmtpdListener listener, Probe probe, bool xclient)
    {
        var builder = new StringBuilder("swaks --server ").Append(Quote($"{listener.Host ?? server}:{listener.Port}"));
        if (listener.Port == "465")
        {
            builder.Append(" --tls-on-connect");
        }
        else if (probe.Tls == true)
        {
            builder.Append(" --tls");
        }

        builder.Append(" --quit-after RCPT");
        if (probe.Helo is { } helo)
        {
            builder.Append(" --ehlo ").Append(Quote(helo));
        }

        if (xclient)
        {
            builder.Append(" --xclient-addr ").Append(Quote(probe.Client));
            if (probe.ClientName is { } name)
            {
                builder.Append(" --xclient-name ").Append(Quote(name));
            }
        }

        builder.Append(" --from ").Append(probe.Sender.Length == 0 ? "'<>'" : Quote(probe.Sender));
        builder.Append(" --to ").Append(Quote(probe.Recipient));
        return builder.ToString();
    }

    private static string Quote(string value) =>
        value.Length > 0 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '@' or ':' or '+' or '/' or '=' or ',')
            ? value
            : "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
