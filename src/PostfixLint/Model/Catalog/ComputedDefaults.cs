using System.Collections.Immutable;
using System.Net;
using System.Net.Sockets;

namespace PostfixLint.Model.Catalog;

/// <summary>Computes the machine-dependent defaults exactly as Postfix 3.7's postconf prints them.</summary>
/// <remarks>
/// These are the five names upstream's src/postconf/Makefile.in strips from conf/main.cf.default:
/// myhostname, mydomain, mynetworks (CONFIG_STR_FN_TABLE, src/postconf/postconf_builtin.c) and the
/// ad-hoc process_name and process_id. Every method takes the effective (already expanded) values of the
/// parameters the default depends on, so the model decides where those come from.
/// </remarks>
internal static class ComputedDefaults
{
    /// <summary>The process_name postconf reports for itself.</summary>
    public const string PostconfProcessName = "postconf";

    /// <summary>The default mydomain when the host name has no dot (DEF_MYDOMAIN in src/global/mail_params.h).</summary>
    public const string DefaultDomain = "localdomain";

    /// <summary>The names whose defaults depend on the machine or the process, sorted ordinally.</summary>
    public static ImmutableArray<string> Names { get; } =
        ["mydomain", "myhostname", "mynetworks", "process_id", "process_name"];

    /// <summary>Whether <paramref name="name"/> is one of <see cref="Names"/>.</summary>
    public static bool IsComputed(string name) => Names.Contains(name, StringComparer.Ordinal);

    /// <summary>The default of myhostname: the host name, with <c>.$mydomain</c> appended when it has no dot.</summary>
    /// <param name="host">The machine.</param>
    /// <param name="mydomainSetting">
    /// The evaluated value of an explicit main.cf <c>mydomain</c> setting, or <see langword="null"/> when it is unset.
    /// postconf -d ignores main.cf, so pass <see langword="null"/> to reproduce -d output.
    /// </param>
    public static string MyHostname(HostFacts host, string? mydomainSetting = null)
    {
        ArgumentNullException.ThrowIfNull(host);

        // src/postconf/postconf_builtin.c, pcf_check_myhostname(): no FQDN lookup, just append a domain.
        return host.HostName.Contains('.', StringComparison.Ordinal)
            ? host.HostName
            : host.HostName + "." + (mydomainSetting ?? DefaultDomain);
    }

    /// <summary>The default of mydomain: the effective myhostname minus its first label, or <c>localdomain</c>.</summary>
    /// <param name="myhostname">The effective myhostname (explicit setting or <see cref="MyHostname"/>).</param>
    public static string MyDomain(string myhostname)
    {
        ArgumentNullException.ThrowIfNull(myhostname);

        // pcf_check_mydomainname(): "a.b" gives "b"; a name without a dot gives DEF_MYDOMAIN.
        var dot = myhostname.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? DefaultDomain : myhostname[(dot + 1)..];
    }

    /// <summary>The default of process_id as postconf prints it.</summary>
    public static string ProcessId(HostFacts host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return host.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The default of mynetworks for the given effective mynetworks_style, inet_interfaces and inet_protocols.</summary>
    /// <param name="host">The machine whose interfaces are used.</param>
    /// <param name="mynetworksStyle">The effective mynetworks_style (<c>host</c>, <c>subnet</c> or <c>class</c>).</param>
    /// <param name="inetInterfaces">The effective inet_interfaces (<c>all</c>, <c>loopback-only</c> or a list of addresses/names).</param>
    /// <param name="inetProtocols">The effective inet_protocols (<c>all</c>, <c>ipv4</c>, <c>ipv6</c>, or a list).</param>
    /// <param name="resolveHost">
    /// Resolves a host name in inet_interfaces as getaddrinfo(3) would; by default <see cref="HostFacts.ResolveHost"/>,
    /// else address literals are parsed and other names go to <c>/etc/hosts</c> and <see cref="Dns.GetHostAddresses(string)"/>.
    /// </param>
    public static ComputedValue Mynetworks(
        HostFacts host,
        string mynetworksStyle,
        string inetInterfaces,
        string inetProtocols,
        Func<string, IReadOnlyList<IPAddress>>? resolveHost = null)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(mynetworksStyle);
        ArgumentNullException.ThrowIfNull(inetInterfaces);
        ArgumentNullException.ThrowIfNull(inetProtocols);
        return MynetworksCalculator.Compute(host, mynetworksStyle, inetInterfaces, inetProtocols, resolveHost ?? host.ResolveHost ?? DefaultResolve);
    }

    /// <summary>The values <c>postconf -d</c> prints for the <see cref="Names"/> on this machine, as postconf itself computes them.</summary>
    public static IReadOnlyDictionary<string, string> ForPostconfDefaults(HostFacts host)
    {
        ArgumentNullException.ThrowIfNull(host);

        // With -d (PCF_SHOW_DEFS) pcf_mynetworks() ignores main.cf and evaluates the compiled-in defaults:
        // mynetworks_style ${{$compatibility_level} <level {2} ? {subnet} : {host}} at the default level 0 is
        // "subnet"; inet_interfaces and inet_protocols are literal ("all" in Debian's build).
        var catalog = ParameterCatalog.Postfix37;
        catalog.TryGetDefault("inet_interfaces", out var interfaces);
        catalog.TryGetDefault("inet_protocols", out var protocols);
        var mynetworks = Mynetworks(host, "subnet", interfaces, protocols);
        var myhostname = MyHostname(host);
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["mydomain"] = MyDomain(myhostname),
            ["myhostname"] = myhostname,
            ["mynetworks"] = mynetworks.Value ?? string.Empty,
            ["process_id"] = ProcessId(host),
            ["process_name"] = PostconfProcessName,
        };
    }

    private static IReadOnlyList<IPAddress> DefaultResolve(string name)
    {
        if (IPAddress.TryParse(name, out var literal))
        {
            return [literal];
        }

        // getaddrinfo(3) consults /etc/hosts first (nsswitch "files dns"); .NET's resolver would instead answer the
        // machine's own name with every interface address, which Postfix never sees.
        var fromHostsFile = HostsFileLookup(name);
        if (fromHostsFile.Count > 0)
        {
            return fromHostsFile;
        }

        try
        {
            return Dns.GetHostAddresses(name);
        }
        catch (SocketException)
        {
            return [];
        }
        catch (ArgumentException)
        {
            return [];
        }
    }

    private static List<IPAddress> HostsFileLookup(string name)
    {
        var result = new List<IPAddress>();
        try
        {
            if (!File.Exists("/etc/hosts"))
            {
                return result;
            }

            foreach (var line in File.ReadLines("/etc/hosts"))
            {
                var hash = line.IndexOf('#', StringComparison.Ordinal);
                var fields = (hash >= 0 ? line[..hash] : line).Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length >= 2
                    && IPAddress.TryParse(fields[0], out var address)
                    && fields.Skip(1).Any(f => string.Equals(f, name, StringComparison.OrdinalIgnoreCase))
                    && !result.Contains(address))
                {
                    result.Add(address);
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return result;
    }
}
