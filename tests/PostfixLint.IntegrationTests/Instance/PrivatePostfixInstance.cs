using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using CliWrap;
using CliWrap.Buffered;
using PostfixLint.IntegrationTests.Support;
using PostfixLint.Syntax;

namespace PostfixLint.IntegrationTests.Instance;

/// <summary>A throw-away Postfix 3.7 on 127.0.0.1 that answers probes with its real SMTP replies; nothing can leave it.</summary>
/// <remarks>
/// Layout under a temp directory: <c>etc/</c> (config_directory: main.cf, master.cf, tables, <c>sasl/</c>), <c>queue/</c>,
/// <c>data/</c>, <c>maillog</c>. master.cf holds only smtpd listeners on free loopback ports plus cleanup, rewrite,
/// proxymap, anvil, verify, tlsmgr and postlog: no qmgr, no pickup, no delivery agent, and no probe ever sends DATA.
/// Each probe is one SMTP session: <c>EHLO</c>, one <c>XCLIENT ADDR= NAME= [LOGIN=]</c> (src/smtpd/smtpd.c
/// <c>xclient_cmd()</c>; a second XCLIENT would be refused for the new identity), <c>EHLO</c>, optional
/// <c>AUTH PLAIN</c>, <c>MAIL FROM</c>, <c>RCPT TO</c>, <c>QUIT</c>. Must run as root (master needs it).
/// </remarks>
public sealed partial class PrivatePostfixInstance : IAsyncDisposable
{
    private const string SaslPassword = "pfl-probe-secret";
    private const string HarnessHelo = "pfl-harness.localhost";
    // Generous: a loaded 2-core CI machine with cold caches has been seen to take more than 3 s to start smtpd. An smtpd
    // that cannot start is recognised from the maillog at once (UnlessSmtpdFailsAsync), so the limit costs nothing there.
    private static readonly TimeSpan GreetingTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(30);

    private readonly MaillogReader _log;
    private readonly Dictionary<string, string> _brokenListeners = new(StringComparer.Ordinal);
    private readonly HashSet<string> _saslUsers = new(StringComparer.Ordinal);
    private readonly int _closedPort;
    private string? _saslRealm;
    private int? _masterPid;
    private TimeSpan _setup;
    private TimeSpan _start;
    private TimeSpan _stop;
    private bool _disposed;

    private PrivatePostfixInstance(string root, Scenario scenario, int closedPort)
    {
        Root = root;
        Scenario = scenario;
        _closedPort = closedPort;
        _log = new MaillogReader(Path.Combine(root, "maillog"));
    }

    /// <summary>The instance's temp directory.</summary>
    public string Root { get; }

    /// <summary>The instance's <c>config_directory</c>.</summary>
    public string ConfigDirectory => Path.Combine(Root, "etc");

    /// <summary>The scenario the instance runs.</summary>
    public Scenario Scenario { get; }

    /// <summary>The main.cf Postfix reads: base + scenario + enforced settings.</summary>
    public string MainCf { get; private set; } = "";

    /// <summary>The master.cf Postfix reads.</summary>
    public string MasterCf { get; private set; } = "";

    /// <summary>The smtpd listeners, one per smtpd <c>inet</c> service of the scenario's master.cf.</summary>
    public ImmutableArray<InstanceListener> Listeners { get; private set; } = [];

    /// <summary>Scenario settings the instance replaced with a value that could change a reply (<c>name: scenario → enforced</c>).</summary>
    public ImmutableArray<string> Overridden { get; private set; } = [];

    /// <summary>Why the instance could not start (<c>postfix start</c> failed), or null.</summary>
    public string? StartupError { get; private set; }

    /// <summary>Where the time went; <see cref="InstanceTimings.Stop"/> is known after disposal.</summary>
    public InstanceTimings Timings => new(_setup, _start, _stop);

    /// <summary>The warning/error/fatal/panic lines of the maillog so far.</summary>
    public ImmutableArray<string> LogProblems
    {
        get
        {
            _log.ReadNew();
            return _log.Problems();
        }
    }

    /// <summary>Every complete maillog line so far, with its syslog prefix (as an admin's mail log has them).</summary>
    public ImmutableArray<string> LogLines
    {
        get
        {
            _log.ReadNew();
            return [.. _log.Lines];
        }
    }

    /// <summary>Waits (bounded) until a maillog problem line matches; postlogd writes the log asynchronously.</summary>
    public async Task<bool> WaitForLogProblemAsync(Func<string, bool> predicate, TimeSpan timeout)
    {
        var stopwatch = Stopwatch.StartNew();
        while (!LogProblems.Any(predicate))
        {
            if (stopwatch.Elapsed > timeout)
            {
                return false;
            }

            await Task.Delay(20);
        }

        return true;
    }

    /// <summary>Builds and starts an instance for <paramref name="scenario"/>; a configuration Postfix refuses still gives an instance whose probes answer <see cref="ProbeDecision.Error"/>.</summary>
    public static async Task<PrivatePostfixInstance> StartAsync(Scenario scenario, CancellationToken cancellationToken = default)
    {
        if (!Native.IsRoot)
        {
            Assert.Fail("A private Postfix instance needs root (Postfix's master daemon runs as root). Run the integration tests as root, as scripts/test.sh does.");
        }

        _ = RealPostfix.Postfix;
        var tmp = new DirectoryInfo(Path.GetTempPath()).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? Path.GetFullPath(Path.GetTempPath());
        var root = Path.Combine(tmp, "pfl-pi-" + Guid.NewGuid().ToString("N")[..12]);
        var instance = new PrivatePostfixInstance(root, scenario, FreePort());
        try
        {
            var stopwatch = Stopwatch.StartNew();
            await instance.SetUpAsync(cancellationToken);
            instance._setup = stopwatch.Elapsed;
            stopwatch.Restart();
            await instance.StartPostfixAsync(cancellationToken);
            instance._start = stopwatch.Elapsed;
            return instance;
        }
        catch
        {
            await instance.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs probes one SMTP session each, in order.</summary>
    public async Task<ImmutableArray<ProbeResult>> RunProbesAsync(IEnumerable<Probe> probes, CancellationToken cancellationToken = default)
    {
        var list = probes.ToList();
        await EnsureSaslUsersAsync(list, cancellationToken);
        var results = ImmutableArray.CreateBuilder<ProbeResult>(list.Count);
        foreach (var probe in list)
        {
            results.Add(await SmtpProbeAsync(probe, cancellationToken));
        }

        return results.MoveToImmutable();
    }

    /// <summary>
    /// Forgets the listeners found broken (smtpd died at start-up), so the next probe connects again: after a fix reloads
    /// the instance with a configuration smtpd accepts.
    /// </summary>
    public void ForgetBrokenListeners() => _brokenListeners.Clear();

    /// <summary>Runs one probe as one SMTP session and records the replies.</summary>
    public async Task<ProbeResult> SmtpProbeAsync(Probe probe, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await EnsureSaslUsersAsync([probe], cancellationToken);
        var stopwatch = Stopwatch.StartNew();
        var result = await ConverseAsync(probe, cancellationToken);
        return result with { Milliseconds = stopwatch.Elapsed.TotalMilliseconds };
    }

    /// <summary>Stops every daemon of the instance and deletes its directory.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        var stopwatch = Stopwatch.StartNew();
        var pid = _masterPid ?? ReadMasterPid();
        if (pid is int master)
        {
            // master is a session leader (setsid), so its process group is exactly this instance's daemons. Nothing in a
            // throw-away instance needs a graceful stop, and "postfix stop" polls in 1 s steps: SIGKILL the group.
            Native.Kill(-master, Native.SigKill);
            var deadline = Stopwatch.StartNew();
            while (Native.IsAlive(master) && deadline.Elapsed < TimeSpan.FromSeconds(5))
            {
                await Task.Delay(2);
            }
        }

        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A daemon may still be closing a file; a leftover temp directory must not fail a test.
        }
        catch (UnauthorizedAccessException)
        {
        }

        _stop = stopwatch.Elapsed;
    }

    private async Task SetUpAsync(CancellationToken cancellationToken)
    {
        var etc = ConfigDirectory;
        Directory.CreateDirectory(Path.Combine(etc, "sasl"));
        Directory.CreateDirectory(Path.Combine(Root, "queue"));
        foreach (var (file, text) in Scenario.Tables)
        {
            SourceFile.Write(Path.Combine(etc, file), text);
        }

        if (!Scenario.Tables.ContainsKey("aliases"))
        {
            SourceFile.Write(Path.Combine(etc, "aliases"), InstanceMainCf.DefaultAliases);
        }

        var (mainCf, overridden, parameters) = ComposeMainCf();
        MainCf = mainCf;
        Overridden = overridden;
        Listeners = ComposeListeners();
        MasterCf = ComposeMasterCf();
        WriteBackDated(Path.Combine(etc, "main.cf"), MainCf);
        WriteBackDated(Path.Combine(etc, "master.cf"), MasterCf);
        File.WriteAllText(
            Path.Combine(etc, "sasl", "smtpd.conf"),
            $"pwcheck_method: auxprop\nauxprop_plugin: sasldb\nmech_list: PLAIN LOGIN\nsasldb_path: {Path.Combine(etc, "sasl", "sasldb2")}\n");

        await BuildTablesAsync(parameters, cancellationToken);
        if (!QueueLayout.TryCreate(Path.Combine(Root, "queue"), Path.Combine(Root, "data")))
        {
            await RunPostfixAsync("check-fatal", cancellationToken);
        }
    }

    private (string Text, ImmutableArray<string> Overridden, ImmutableArray<KeyValuePair<string, string>> Parameters) ComposeMainCf()
    {
        var etc = ConfigDirectory;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var order = new List<string>();
        void Set(string name, string value)
        {
            if (!values.ContainsKey(name))
            {
                order.Add(name);
            }

            values[name] = value;
        }

        foreach (var (name, value) in InstanceMainCf.Base)
        {
            Set(name, value);
        }

        var scenario = MainCfSyntax.Parse(Scenario.MainCf).Parameters;
        var scenarioNames = scenario.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var parameter in scenario)
        {
            Set(parameter.Name, InstanceMainCf.RewritePaths(parameter.Value, etc));
        }

        var overridden = ImmutableArray.CreateBuilder<string>();
        values.TryGetValue("inet_interfaces", out var interfaces);
        foreach (var (name, value) in InstanceMainCf.Enforced(Root, etc, InstanceMainCf.SafeInetInterfaces(interfaces)))
        {
            if (scenarioNames.Contains(name) && values[name] != value && !InstanceMainCf.NeutralEnforced.Contains(name))
            {
                overridden.Add($"{name}: {values[name]} → {value}");
            }

            Set(name, value);
        }

        var text = new StringBuilder();
        foreach (var name in order)
        {
            text.Append(name).Append(" = ").Append(values[name]).Append('\n');
        }

        return (text.ToString(), overridden.ToImmutable(), [.. order.Select(n => new KeyValuePair<string, string>(n, values[n]))]);
    }

    private ImmutableArray<InstanceListener> ComposeListeners()
    {
        if (Scenario.MasterCf is null)
        {
            return [new InstanceListener("smtp", FreePort(), [])];
        }

        var listeners = ImmutableArray.CreateBuilder<InstanceListener>();
        foreach (var service in MasterCfSyntax.Parse(Scenario.MasterCf).Services)
        {
            if (service.Type.Text != "inet" || service.Command.Text != "smtpd")
            {
                continue;
            }

            var name = service.Service.Text;
            name = name[(name.LastIndexOf(':') + 1)..];
            var enforced = InstanceMainCf.Enforced(Root, ConfigDirectory, "127.0.0.1").Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
            var overrides = service.Overrides
                .Where(o => !enforced.Contains(o.Name))
                .Select(o => new KeyValuePair<string, string>(o.Name, InstanceMainCf.RewritePaths(o.Value, ConfigDirectory)));
            listeners.Add(new InstanceListener(name, FreePort(), [.. overrides]));
        }

        return listeners.ToImmutable();
    }

    private string ComposeMasterCf()
    {
        var text = new StringBuilder();
        foreach (var listener in Listeners)
        {
            // A port without a host binds the inet_interfaces addresses, as a plain "smtp" entry does.
            text.Append(CultureInfo.InvariantCulture, $"{listener.Port} inet n - n - - smtpd\n");
            foreach (var (name, value) in listener.Overrides)
            {
                // master(5): the -o { name = value } form (Postfix 3.0+) keeps spaces in values.
                text.Append(CultureInfo.InvariantCulture, $"  -o {{ {name} = {value} }}\n");
            }
        }

        text.Append("cleanup   unix  n - n - 0 cleanup\n");
        text.Append("rewrite   unix  - - n - - trivial-rewrite\n");
        text.Append("proxymap  unix  - - n - - proxymap\n");
        text.Append("anvil     unix  - - n - 1 anvil\n");
        text.Append("verify    unix  - - n - 1 verify\n");
        text.Append("tlsmgr    unix  - - n 1000? 1 tlsmgr\n");
        text.Append("postlog   unix-dgram n - n - 1 postlogd\n");
        return text.ToString();
    }

    private async Task BuildTablesAsync(ImmutableArray<KeyValuePair<string, string>> parameters, CancellationToken cancellationToken)
    {
        var etc = ConfigDirectory;
        var built = new HashSet<string>(StringComparer.Ordinal);
        var values = parameters.Concat(Listeners.SelectMany(l => l.Overrides));
        foreach (var (name, value) in values)
        {
            var aliases = name is "alias_maps" or "alias_database";
            foreach (Match match in IndexedMap().Matches(value))
            {
                var path = ConfigDirectoryMacro().Replace(match.Groups["path"].Value, etc);
                var spec = match.Groups["type"].Value + ":" + path;
                if (!path.StartsWith(etc + "/", StringComparison.Ordinal) || !File.Exists(path) || !built.Add(spec)
                    || Scenario.Unbuilt.Contains(Path.GetFileName(path)))
                {
                    continue;
                }

                var result = await CliWrap.Cli.Wrap(aliases ? "/usr/sbin/postalias" : RealPostfix.Postmap)
                    .WithArguments(a => a.Add("-c").Add(etc).Add(spec))
                    .WithValidation(CommandResultValidation.None)
                    .ExecuteBufferedAsync(Encoding.Latin1, Encoding.Latin1, Timeout(cancellationToken));
                if (result.ExitCode != 0)
                {
                    // A table postmap refuses stays unbuilt, as on a real host; smtpd then reports it unavailable.
                    TestContext.Progress.WriteLine($"postmap {spec} failed: {result.StandardError.Trim()}");
                }
                else if (Scenario.Stale.Contains(Path.GetFileName(path)))
                {
                    // dict_db.c warns when the source is newer than the database, unless it changed in the last 100 s.
                    var database = path + (match.Groups["type"].Value switch { "lmdb" => ".lmdb", "cdb" => ".cdb", _ => ".db" });
                    File.SetLastWriteTimeUtc(database, DateTime.UtcNow.AddHours(-2));
                    File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddHours(-1));
                }
            }
        }
    }

    private async Task StartPostfixAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            // postfix-script skips check-fatal/check-warn (queue scan, ownership finds) once when quick-start exists.
            File.WriteAllBytes(Path.Combine(Root, "queue", "quick-start"), []);
            var result = await RunPostfixAsync("start", cancellationToken);
            _log.ReadNew();
            if (result.ExitCode == 0)
            {
                _masterPid = ReadMasterPid();
                break;
            }

            var problems = _log.Problems();
            if (attempt < 2 && problems.Any(p => p.Contains("Address already in use", StringComparison.Ordinal)))
            {
                Listeners = [.. Listeners.Select(l => l with { Port = FreePort() })];
                MasterCf = ComposeMasterCf();
                WriteBackDated(Path.Combine(ConfigDirectory, "master.cf"), MasterCf);
                continue;
            }

            // postfix(1) prints to stderr only when it is a tty; the maillog usually has the reason. A fatal error in
            // mail_params_init() comes before any logging, so ask postmap, which always prints to stderr.
            var fatal = MaillogReader.FindFatal(_log.Lines) ?? FatalOf(result.StandardError) ?? FatalOf(await DiagnoseWithPostmapAsync(cancellationToken));
            StartupError = "postfix cannot start with this configuration: " + (fatal ?? $"postfix start exited with {result.ExitCode}");
            return;
        }

        // The first session makes master spawn smtpd; a configuration smtpd refuses shows up here, bounded.
        if (Listeners.Length > 0)
        {
            await ConverseAsync(new Probe("127.0.0.1", "", "postmaster") { Service = Listeners[0].Service, Helo = HarnessHelo }, cancellationToken, smokeOnly: true);
        }
    }

    private async Task<string> DiagnoseWithPostmapAsync(CancellationToken cancellationToken)
    {
        var result = await CliWrap.Cli.Wrap(RealPostfix.Postmap)
            .WithArguments(a => a.Add("-c").Add(ConfigDirectory).Add("-q").Add("probe").Add("static:probe"))
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(Encoding.Latin1, Encoding.Latin1, Timeout(cancellationToken));
        return result.StandardError;
    }

    private static string? FatalOf(string stderr)
    {
        var match = StderrFatal().Match(stderr);
        return match.Success ? match.Groups["text"].Value.TrimEnd() : null;
    }

    private async Task<BufferedCommandResult> RunPostfixAsync(string action, CancellationToken cancellationToken) =>
        await CliWrap.Cli.Wrap(RealPostfix.Postfix)
            .WithArguments(a => a.Add("-c").Add(ConfigDirectory).Add(action))
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(Encoding.Latin1, Encoding.Latin1, Timeout(cancellationToken));

    private async Task EnsureSaslUsersAsync(IEnumerable<Probe> probes, CancellationToken cancellationToken)
    {
        foreach (var login in probes.Where(p => p.SaslLogin is not null && p.Helo is not null).Select(p => p.SaslLogin!).Distinct())
        {
            if (!_saslUsers.Add(login))
            {
                continue;
            }

            // A bare login gets the server realm: smtpd_sasl_local_domain, else myhostname (Cyrus); user@realm is split.
            _saslRealm ??= await ReadSaslRealmAsync(cancellationToken);
            var at = login.LastIndexOf('@');
            var (user, realm) = at > 0 ? (login[..at], login[(at + 1)..]) : (login, _saslRealm);
            var database = Path.Combine(ConfigDirectory, "sasl", "sasldb2");
            await CliWrap.Cli.Wrap("/usr/sbin/saslpasswd2")
                .WithArguments(a => a.Add("-f").Add(database).Add("-p").Add("-c").Add("-u").Add(realm).Add(user))
                .WithStandardInputPipe(PipeSource.FromString(SaslPassword))
                .ExecuteBufferedAsync(Timeout(cancellationToken));

            // smtpd runs as mail_owner and must read the database.
            if (OperatingSystem.IsWindows())
            {
                throw new PlatformNotSupportedException("Postfix runs on Unix only");
            }

            File.SetUnixFileMode(database, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }
    }

    private async Task<string> ReadSaslRealmAsync(CancellationToken cancellationToken)
    {
        var result = await CliWrap.Cli.Wrap(RealPostfix.Postconf)
            .WithArguments(a => a.Add("-c").Add(ConfigDirectory).Add("-h").Add("-x").Add("smtpd_sasl_local_domain").Add("myhostname"))
            .ExecuteBufferedAsync(Timeout(cancellationToken));
        var lines = result.StandardOutput.Split('\n');
        return lines[0].Trim().Length > 0 ? lines[0].Trim() : lines[1].Trim();
    }

    private async Task<ProbeResult> ConverseAsync(Probe probe, CancellationToken cancellationToken, bool smokeOnly = false)
    {
        ProbeResult Error(string message) => new(probe, ProbeDecision.Error, ProbeStage.Connect) { Error = message };
        if (StartupError is not null)
        {
            return Error(StartupError);
        }

        if (_brokenListeners.TryGetValue(probe.Service, out var broken))
        {
            return Error(broken);
        }

        var port = Listeners.FirstOrDefault(l => l.Service == probe.Service)?.Port ?? _closedPort;
        SmtpConnection connection;
        try
        {
            connection = await SmtpConnection.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), TimeSpan.FromSeconds(20), cancellationToken);
        }
        catch (SocketException e)
        {
            return Error($"cannot connect to the {probe.Service} listener: {e.SocketErrorCode}");
        }

        using (connection)
        {
            // smtpd_tls_wrappermode (smtps): TLS from the first byte, the greeting comes encrypted. An smtpd that cannot
            // start never answers the handshake either: watched like the greeting.
            var listener = Listeners.FirstOrDefault(l => l.Service == probe.Service);
            if (listener?.Overrides.Any(o => o.Key == "smtpd_tls_wrappermode" && o.Value.Trim().Equals("yes", StringComparison.OrdinalIgnoreCase)) == true)
            {
                var handshake = await UnlessSmtpdFailsAsync(async token =>
                {
                    try
                    {
                        await connection.StartTlsAsync(token, ClientCertificateOf(probe));
                        return (string?)null;
                    }
                    catch (Exception e) when (e is IOException or System.Security.Authentication.AuthenticationException)
                    {
                        return e.Message;
                    }
                }, cancellationToken);
                if (handshake.Fatal is not null)
                {
                    var reason = "smtpd cannot run with this configuration: " + handshake.Fatal;
                    _brokenListeners[probe.Service] = reason;
                    return Error(reason);
                }

                if (!handshake.Completed || handshake.Result is not null)
                {
                    return Error($"wrapper-mode TLS handshake failed: {handshake.Result ?? "no answer within " + GreetingTimeout.TotalSeconds + " s"}");
                }
            }

            var greeting = await ReadGreetingAsync(connection, cancellationToken);
            if (greeting.Reply is null)
            {
                var reason = greeting.Fatal is null ? "no SMTP greeting within " + GreetingTimeout.TotalSeconds + " s" : "smtpd cannot run with this configuration: " + greeting.Fatal;
                _brokenListeners[probe.Service] = reason;
                return Error(reason);
            }

            if (smokeOnly)
            {
                await connection.SendAsync("QUIT", cancellationToken);
                return Error("smoke");
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(ReplyTimeout);
            try
            {
                var result = await ConverseAfterGreetingAsync(connection, probe, greeting.Reply, timeout.Token);
                return result with { Transcript = [.. connection.Dialogue] };
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return Error($"timeout waiting for an SMTP reply ({ReplyTimeout.TotalSeconds} s)");
            }
        }
    }

    /// <summary>The certificate a probe presents: the test client certificate when it names that certificate's fingerprint.</summary>
    private static System.Security.Cryptography.X509Certificates.X509Certificate2? ClientCertificateOf(Probe probe)
    {
        if (probe.ClientCert is null)
        {
            return null;
        }

        return probe.ClientCert == TestClientCertificate.Fingerprint
            ? TestClientCertificate.Certificate
            : throw new ArgumentException($"the harness can only present the test client certificate ({TestClientCertificate.Fingerprint}), not {probe.ClientCert}", nameof(probe));
    }

    private async Task<ProbeResult> ConverseAfterGreetingAsync(SmtpConnection smtp, Probe probe, string greeting, CancellationToken token)
    {
        var result = new ProbeResult(probe, ProbeDecision.Error, ProbeStage.Connect) { ConnectReply = greeting };
        if (!greeting.StartsWith('2'))
        {
            return result with { Decision = DecisionOf(greeting) };
        }

        var ehlo = await smtp.CommandAsync("EHLO " + HarnessHelo, token);
        if (ehlo is null || !ehlo.StartsWith("250", StringComparison.Ordinal) || !ehlo.Contains("XCLIENT", StringComparison.Ordinal))
        {
            return result with { Error = $"the harness's EHLO got no XCLIENT offer: {ehlo ?? await LostConnectionAsync()}" };
        }

        // One XCLIENT with every attribute: a later XCLIENT would be judged for the new identity and refused.
        var useXclientLogin = probe.SaslLogin is not null && probe.Helo is null;
        var xclient = new StringBuilder("XCLIENT ADDR=").Append(XText.Encode(probe.IsIPv6 ? "IPV6:" + probe.ClientAddress : probe.ClientAddress));
        xclient.Append(" NAME=").Append(XText.Encode(probe.ClientName ?? "[UNAVAILABLE]"));
        if (useXclientLogin)
        {
            xclient.Append(" LOGIN=").Append(XText.Encode(probe.SaslLogin!));
        }

        var identity = await smtp.CommandAsync(xclient.ToString(), token);
        result = result with { ConnectReply = identity };
        if (identity is null)
        {
            return result with { Error = await LostConnectionAsync() };
        }

        if (identity.StartsWith("550 5.7.0", StringComparison.Ordinal) || identity.StartsWith("501", StringComparison.Ordinal))
        {
            return result with { Error = "XCLIENT refused: " + identity };
        }

        if (!identity.StartsWith('2'))
        {
            return result with { Decision = DecisionOf(identity) };
        }

        string? refusal = null;
        var refusalStage = ProbeStage.Helo;
        if (probe.Helo is not null)
        {
            var helo = await smtp.CommandAsync("EHLO " + probe.Helo, token);
            if (helo is null)
            {
                return result with { Error = await LostConnectionAsync() };
            }

            result = result with { HeloReply = helo.Split('\n')[0] };
            if (!helo.StartsWith('2'))
            {
                refusal = helo;
            }
            else if (probe.Tls == true && !smtp.IsEncrypted)
            {
                // RFC 3207: STARTTLS, the handshake, then a new EHLO (smtpd forgets the session's EHLO state).
                var starttls = await smtp.CommandAsync("STARTTLS", token);
                if (starttls is null || !starttls.StartsWith("220", StringComparison.Ordinal))
                {
                    return result with { Error = $"STARTTLS refused: {starttls ?? await LostConnectionAsync()}" };
                }

                await smtp.StartTlsAsync(token, ClientCertificateOf(probe));
                var again = await smtp.CommandAsync("EHLO " + probe.Helo, token);
                if (again is null)
                {
                    return result with { Error = await LostConnectionAsync() };
                }
            }

            if (probe.SaslLogin is not null)
            {
                var plain = Convert.ToBase64String(Encoding.UTF8.GetBytes($"\0{probe.SaslLogin}\0{SaslPassword}"));
                result = result with { AuthReply = await smtp.CommandAsync("AUTH PLAIN " + plain, token) };
            }
        }

        // SmtpConnection sends UTF-8 bytes, so a UTF-8 address reaches smtpd as RFC 6531 wants it, with or without SMTPUTF8.
        var mail = await smtp.CommandAsync($"MAIL FROM:<{probe.Sender}>{(probe.Smtputf8 ? " SMTPUTF8" : "")}", token);
        if (mail is null)
        {
            return result with { Error = await LostConnectionAsync() };
        }

        result = result with { MailFromReply = mail };
        if (!mail.StartsWith('2'))
        {
            refusal ??= mail;
            refusalStage = refusal == mail ? ProbeStage.Mail : refusalStage;
        }
        else
        {
            var rcpt = await smtp.CommandAsync($"RCPT TO:<{probe.Recipient}>", token);
            if (rcpt is null)
            {
                return result with { Error = await LostConnectionAsync() };
            }

            result = result with { RcptReply = rcpt };
            if (refusal is null)
            {
                refusal = rcpt;
                refusalStage = ProbeStage.Rcpt;
            }
        }

        try
        {
            await smtp.CommandAsync("QUIT", token);
        }
        catch (IOException) when (refusal is not null && (refusal.StartsWith("421", StringComparison.Ordinal) || refusal.StartsWith("521", StringComparison.Ordinal)))
        {
            // smtpd.c: a 421 or 521 reply hangs up (SMTPD_FLAG_HANGUP); the QUIT may meet a closed connection.
        }

        return result with { Decision = DecisionOf(refusal), Stage = refusalStage };
    }

    private async Task<(string? Reply, string? Fatal)> ReadGreetingAsync(SmtpConnection connection, CancellationToken cancellationToken)
    {
        var (completed, reply, fatal) = await UnlessSmtpdFailsAsync(connection.ReadReplyAsync, cancellationToken);
        if (completed && reply is null)
        {
            // The connection closed before a greeting: the daemon's last words, if any.
            return (null, await LostConnectionAsync());
        }

        return (reply, fatal);
    }

    /// <summary>
    /// Runs <paramref name="work"/> (something that waits for smtpd) for up to <see cref="GreetingTimeout"/> while
    /// following the maillog: an smtpd that cannot start never answers (master throttles the service and the
    /// connection just waits), so its fatal error or master's throttling line ends the wait at once. Returns whether
    /// the work completed and its result, or the reason smtpd could not start.
    /// </summary>
    private async Task<(bool Completed, T? Result, string? Fatal)> UnlessSmtpdFailsAsync<T>(Func<CancellationToken, Task<T?>> work, CancellationToken cancellationToken)
        where T : class
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(GreetingTimeout);
        var task = work(timeout.Token);
        _log.ReadNew();
        var seen = _log.Lines.Count;
        while (true)
        {
            var done = await Task.WhenAny(task, Task.Delay(20, cancellationToken));
            if (done == task)
            {
                try
                {
                    return (true, await task, null);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    _log.ReadNew();
                    return (false, null, MaillogReader.FindStartupFailure(_log.Lines.Skip(seen)));
                }
            }

            _log.ReadNew();
            var fatal = MaillogReader.FindStartupFailure(_log.Lines.Skip(seen));
            if (fatal is not null)
            {
                // postlogd may write master's "bad command startup -- throttling" before smtpd's own fatal line: give
                // the fatal (the reason a simulator must name) up to three seconds to arrive.
                for (var wait = 0; wait < 150 && MaillogReader.FindFatal(_log.Lines.Skip(seen)) is null; wait++)
                {
                    await Task.Delay(20, cancellationToken);
                    _log.ReadNew();
                }

                // While master throttles the service no new smtpd starts, so a later probe may see only the throttling
                // line: the fatal an earlier smtpd of this instance logged (same configuration) is the reason (seeds 41254, 44130).
                fatal = MaillogReader.FindFatal(_log.Lines.Skip(seen)) ?? MaillogReader.FindFatal(_log.Lines) ?? MaillogReader.FindStartupFailure(_log.Lines.Skip(seen));
                await timeout.CancelAsync();
                try
                {
                    await task;
                }
                catch (Exception e) when (e is OperationCanceledException or IOException)
                {
                }

                return (false, null, fatal);
            }
        }
    }

    private async Task<string> LostConnectionAsync()
    {
        // postlogd writes asynchronously: give the daemon's last words a moment to arrive.
        await Task.Delay(100);
        _log.ReadNew();
        return "connection lost: " + (MaillogReader.FindFatal(_log.Lines) ?? "no fatal error in the maillog");
    }

    private static ProbeDecision DecisionOf(string? reply) => reply?[0] switch
    {
        '2' or '3' => ProbeDecision.Accept,
        '4' => ProbeDecision.Defer,
        '5' => ProbeDecision.Reject,
        _ => ProbeDecision.Error,
    };

    private int? ReadMasterPid()
    {
        var path = Path.Combine(Root, "queue", "pid", "master.pid");
        if (!File.Exists(path))
        {
            return null;
        }

        // master holds an exclusive lock on its pid file, and .NET's FileStream asks for a conflicting flock().
        var text = Native.ReadSmallFile(path);
        return int.TryParse(text?.Trim(), CultureInfo.InvariantCulture, out var pid) && pid > 1 ? pid : null;
    }

    private static CancellationToken Timeout(CancellationToken cancellationToken)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        source.CancelAfter(CommandTimeout);
        return source.Token;
    }

    private static void WriteBackDated(string path, string text)
    {
        SourceFile.Write(path, text);
        ConfigFiles.BackDate(path);
    }

    // Listener ports come from just below the kernel's ephemeral range, in turn from a random start: the kernel never
    // gives those to a client socket, so a probe's own connection (or another instance's) cannot take a port between
    // the moment it is chosen here and the moment master binds it, and this process never hands one out twice in a row.
    private static readonly (int Low, int Count) s_portRange = ListenerPortRange();
    private static int s_portCursor = s_portRange.Count > 0 ? Random.Shared.Next(s_portRange.Count) : 0;

    private static int FreePort()
    {
        for (var attempt = 0; attempt < s_portRange.Count; attempt++)
        {
            var port = s_portRange.Low + (int)((uint)Interlocked.Increment(ref s_portCursor) % (uint)s_portRange.Count);
            if (CanBind(port))
            {
                return port;
            }
        }

        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var any = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return any;
    }

    private static bool CanBind(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    // Up to 10,000 ports below /proc/sys/net/ipv4/ip_local_port_range's first port (32768 by default), never below 1024.
    private static (int Low, int Count) ListenerPortRange()
    {
        var ephemeralLow = 32768;
        try
        {
            var fields = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[])['\t', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
            ephemeralLow = int.Parse(fields[0], CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
        }

        var low = Math.Max(1024, ephemeralLow - 10_000);
        return (low, Math.Max(0, ephemeralLow - low));
    }

    [GeneratedRegex(@"\b(?<type>hash|btree|lmdb|cdb|dbm):(?<path>[^\s,{}]+)")]
    private static partial Regex IndexedMap();

    [GeneratedRegex(@"(?m)^\S*: fatal: (?<text>.*)$")]
    private static partial Regex StderrFatal();

    [GeneratedRegex(@"\$\{?config_directory\}?")]
    private static partial Regex ConfigDirectoryMacro();
}
