using System.Collections.Immutable;
using PostfixLint.Model;
using PostfixLint.Model.Values;

namespace PostfixLint.Analysis.Relay;

/// <summary>An smtpd listener clients can connect to: a master.cf <c>inet</c> service run by smtpd (or postscreen), or Postfix's stock port 25 without master.cf.</summary>
/// <param name="Service">The master.cf service name, e.g. <c>smtp</c>, <c>submission</c>, <c>127.0.0.1:10025</c>; probes use it as <see cref="Simulation.Probe.Service"/>.</param>
/// <param name="MasterService">The master.cf entry, or null for the stock listener of a configuration without master.cf.</param>
public sealed record SmtpdListener(string Service, MasterService? MasterService)
{
    /// <summary>The TCP port as a number or service name (<c>smtp</c> → 25, <c>submission</c> → 587, <c>smtps</c>/<c>submissions</c> → 465).</summary>
    public string Port
    {
        get
        {
            var colon = Service.LastIndexOf(':');
            var port = colon >= 0 ? Service[(colon + 1)..] : Service;
            return port switch
            {
                "smtp" => "25",
                "submission" => "587",
                "smtps" or "submissions" => "465",
                _ => port,
            };
        }
    }

    /// <summary>The host part of a <c>host:port</c> service name, or null when the service listens on <c>inet_interfaces</c>.</summary>
    public string? Host
    {
        get
        {
            var colon = Service.LastIndexOf(':');
            return colon > 0 ? Service[..colon].Trim('[', ']') : null;
        }
    }

    /// <summary>Where the listener is defined: <c>master.cf:LINE</c>, or a note that it is Postfix's stock listener.</summary>
    public string Origin => MasterService is { } service ? $"master.cf:{service.Line}" : "no master.cf: Postfix's stock smtp listener";

    /// <summary>The smtpd listeners of <paramref name="config"/> in master.cf order.</summary>
    public static ImmutableArray<SmtpdListener> Find(PostfixConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (config.MasterCf is null)
        {
            return [new SmtpdListener("smtp", null)];
        }

        return [.. config.Services
            .Where(s => s.Type == "inet" && Path.GetFileName(s.Command) is "smtpd" or "postscreen")
            .Select(s => new SmtpdListener(s.Name, s))];
    }

    /// <summary>The listener's raw (unexpanded) value of a parameter: its <c>-o</c> override, else main.cf, else the default.</summary>
    internal string? Raw(PostfixConfig config, string name)
    {
        if (MasterService is { } service)
        {
            for (var i = service.Overrides.Length - 1; i >= 0; i--)
            {
                if (service.Overrides[i].Name == name)
                {
                    return service.Overrides[i].Value;
                }
            }
        }

        return config.GetParameter(name)?.Value;
    }

    /// <summary>The listener's value of a parameter, expanded as the daemon expands it (references see the overrides too).</summary>
    internal string Expand(PostfixConfig config, string name)
    {
        var raw = Raw(config, name);
        return raw is null ? "" : config.ExpanderOf(MasterService).Expand(raw).Value;
    }
}
