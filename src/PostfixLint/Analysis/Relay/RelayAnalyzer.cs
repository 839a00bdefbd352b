using System.Collections.Immutable;
using System.Net.Sockets;
using System.Numerics;
using PostfixLint.Model;
using PostfixLint.Simulation;

namespace PostfixLint.Analysis.Relay;

/// <summary>
/// The engine behind the open-relay proof, the policy check and the relay matrix: it collects the classes of every
/// client-controlled input once, then asks <see cref="RelaySimulator"/> one probe per class combination.
/// </summary>
/// <remarks>
/// Inputs other than the client address are varied one at a time from a baseline (unknown HELO name, remote sender,
/// remote recipient, no TLS override): smtpd's lists decide on the first match, so a relay opened by one input shows
/// with the others at their baseline. Not thread-safe (the simulator is not); use one per thread.
/// </remarks>
public sealed class RelayAnalyzer
{
    private static readonly BigInteger s_wideIPv4 = 256;
    private static readonly BigInteger s_wideIPv6 = BigInteger.One << 80;

    private readonly PostfixConfig _config;
    private readonly RelayPolicy? _policy;
    private readonly RelaySimulator _simulator;
    private readonly SimulatorOptions _simulatorOptions;
    private readonly string _server;
    private readonly Dictionary<string, RecipientScope> _scopes = new(StringComparer.Ordinal);

    /// <summary>Collects the inputs of <paramref name="config"/> (and <paramref name="policy"/>, when there is one).</summary>
    public RelayAnalyzer(PostfixConfig config, RelayPolicy? policy = null, RelayAnalysisOptions? options = null)
        : this(config, policy, options, inputs: null)
    {
    }

    /// <summary>An analyzer over <paramref name="config"/> that probes <paramref name="inputs"/> instead of collecting its own (<see cref="RelayDiff"/> probes both sides with the union of theirs).</summary>
    internal RelayAnalyzer(PostfixConfig config, RelayPolicy? policy, RelayAnalysisOptions? options, RelayInputs? inputs)
    {
        ArgumentNullException.ThrowIfNull(config);
        options ??= new RelayAnalysisOptions();
        _config = config;
        _policy = policy;
        _simulatorOptions = options.Simulator;
        _simulator = new RelaySimulator(config, options.Simulator);
        _server = options.ServerHost ?? (config.Expand("myhostname") is { Length: > 0 } host ? host : "localhost");
        Listeners = SmtpdListener.Find(config);
        Inputs = inputs ?? RelayInputCollector.Collect(config, Listeners, policy, options.PatternWitnesses, options.Simulator, options.TableEntries);
    }

    /// <summary>The smtpd listeners of the configuration.</summary>
    public ImmutableArray<SmtpdListener> Listeners { get; }

    /// <summary>The classes of every client-controlled input.</summary>
    public RelayInputs Inputs { get; }

    /// <summary>How many probes this analyzer has simulated so far.</summary>
    public int ProbeCount { get; private set; }

    /// <summary>True when the class is trusted to relay: inside a <c>mayRelay</c> range, or, without a policy, special-purpose space.</summary>
    /// <remarks>With a policy, special-purpose space the policy does not name stays trusted; <c>mustNotRelay</c> takes it back.</remarks>
    public bool IsTrusted(ClientClass clientClass)
    {
        ArgumentNullException.ThrowIfNull(clientClass);
        var address = clientClass.Representative;
        if (_policy is null)
        {
            return !clientClass.IsGloballyRoutable;
        }

        if (_policy.MayRelay.Any(i => i.SaslLogin is null && i.Client.Contains(address)))
        {
            return true;
        }

        return !clientClass.IsGloballyRoutable && !_policy.MustNotRelay.Any(i => i.Client.Contains(address));
    }

    /// <summary>Simulates every untrusted client class on every listener, unauthenticated, towards a remote recipient.</summary>
    public RelayProof ProveNoOpenRelay()
    {
        var start = ProbeCount;
        var counterexamples = ImmutableArray.CreateBuilder<OpenRelayCounterexample>();
        var dns = ImmutableArray.CreateBuilder<DnsDependentRelay>();
        var errors = ImmutableArray.CreateBuilder<ListenerError>();
        var regions = ConfigRegions();
        foreach (var listener in Listeners)
        {
            var found = new List<(ClientClass Class, Probe Probe, SimulationResult Result, string? Spoofed)>();
            var listenerErrors = new HashSet<string>(StringComparer.Ordinal);
            var closedRegions = new HashSet<(AddressFamily, int)>();
            foreach (var clientClass in Inputs.Clients.Classes)
            {
                if (IsTrusted(clientClass))
                {
                    continue;
                }

                // A class that shares its region with a class found closed is closed too: see ConfigRegions.
                var region = regions?.RegionOf(clientClass);
                if (region is { } known && closedRegions.Contains(known))
                {
                    continue;
                }

                var outcome = ProbeClass(listener, clientClass, listener.Service);
                if (outcome.Kind == ClassOutcomeKind.Closed && region is { } closed)
                {
                    closedRegions.Add(closed);
                }

                switch (outcome.Kind)
                {
                    case ClassOutcomeKind.Relays:
                        found.Add((clientClass, outcome.Probe, outcome.Result, outcome.Spoofed));
                        break;
                    case ClassOutcomeKind.DependsOnDns:
                        dns.Add(new DnsDependentRelay(listener, clientClass, outcome.Probe, outcome.Reason!));
                        break;
                    case ClassOutcomeKind.Error when listenerErrors.Add(outcome.Result.Error ?? outcome.Result.Reachability ?? ""):
                        errors.Add(new ListenerError(listener, outcome.Result.Error ?? outcome.Result.Reachability ?? "the session could not run"));
                        break;
                }
            }

            var wide = WideClasses(found.Where(f => f.Spoofed is null).Select(f => f.Class));
            foreach (var (clientClass, probe, result, spoofed) in found)
            {
                var exposure = spoofed is not null ? RelayExposure.SpoofableInput
                    : wide.Contains(clientClass) || !ListedExplicitly(clientClass) ? RelayExposure.WideRange
                    : RelayExposure.SmallExplicitRange;
                counterexamples.Add(new OpenRelayCounterexample(
                    listener, clientClass, probe, result.RcptReply ?? "", TraceReading.Deciding(result), exposure, spoofed)
                {
                    Swaks = Reproducer.Swaks(_server, listener, probe, xclient: false),
                    SwaksXclient = Reproducer.Swaks(_server, listener, probe, xclient: true),
                });
            }
        }

        return new RelayProof(Listeners, counterexamples.ToImmutable(), dns.ToImmutable(), errors.ToImmutable(), ProbeCount - start);
    }

    /// <summary>Checks every intent of the policy given to the constructor; no policy means no violation.</summary>
    public PolicyEvaluation EvaluatePolicy()
    {
        var start = ProbeCount;
        var violations = ImmutableArray.CreateBuilder<PolicyViolation>();
        if (_policy is null)
        {
            return new PolicyEvaluation([], 0);
        }

        foreach (var intent in _policy.MayRelay)
        {
            foreach (var clientClass in ClassesIn(intent.Client))
            {
                var probe = Baseline(clientClass, intent.Service) with { SaslLogin = intent.SaslLogin, Tls = intent.SaslLogin is null ? null : true };
                if (intent.SaslLogin is { } login && OwnSender(login) is { } own)
                {
                    // A login relays with an address it may use; a foreign sender would test sender ownership instead.
                    probe = probe with { Sender = own };
                }

                var result = Simulate(probe);
                if (result.Decision != Decision.Accept)
                {
                    violations.Add(new PolicyViolation(PolicyIntentKind.MayRelay, intent.Position,
                        $"{Who(intent, clientClass)} may not relay on {intent.Service}: {Explain(result)}", probe, result, TraceReading.Deciding(result))
                    {
                        ClientClass = clientClass,
                    });
                }
            }
        }

        foreach (var intent in _policy.MustNotRelay)
        {
            var listener = Listeners.FirstOrDefault(l => SameService(l, intent.Service));
            foreach (var clientClass in ClassesIn(intent.Client))
            {
                if (_policy.MayRelay.Any(m => m.Client.Contains(clientClass.Representative)))
                {
                    continue;
                }

                var outcome = ProbeClass(listener, clientClass, intent.Service);
                if (outcome.Kind == ClassOutcomeKind.Relays)
                {
                    var through = outcome.Spoofed is null ? "" : $" with {outcome.Spoofed}";
                    violations.Add(new PolicyViolation(PolicyIntentKind.MustNotRelay, intent.Position,
                        $"{clientClass} must not relay on {intent.Service} but does{through}: {Explain(outcome.Result)}",
                        outcome.Probe, outcome.Result, TraceReading.Deciding(outcome.Result))
                    {
                        ClientClass = clientClass,
                    });
                }
            }
        }

        foreach (var intent in _policy.Senders)
        {
            var (client, service) = SenderClient(intent.SaslLogin);
            foreach (var (sender, may) in intent.May.Select(s => (s, true)).Concat(intent.MayNot.Select(s => (s, false))))
            {
                var probe = Baseline(client, service) with { Sender = sender, SaslLogin = intent.SaslLogin, Tls = true };
                var result = Simulate(probe);
                var violated = may ? result.Decision != Decision.Accept : result.Decision == Decision.Accept;
                if (violated)
                {
                    var verb = may ? "may not use" : "may use";
                    violations.Add(new PolicyViolation(may ? PolicyIntentKind.SenderMay : PolicyIntentKind.SenderMayNot, intent.Position,
                        $"{intent.SaslLogin} {verb} MAIL FROM:<{sender}> on {service}: {Explain(result)}", probe, result, TraceReading.Deciding(result))
                    {
                        ClientClass = client,
                    });
                }
            }
        }

        return new PolicyEvaluation(violations.ToImmutable(), ProbeCount - start);
    }

    /// <summary>The relay matrix of every listener.</summary>
    public ImmutableArray<RelayMatrix> BuildMatrices() => [.. Listeners.Select(BuildMatrix)];

    /// <summary>The relay matrix of one listener: every client class, unauthenticated and as each login, against each recipient class.</summary>
    public RelayMatrix BuildMatrix(SmtpdListener listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        var scope = Scope(listener);
        var columns = ImmutableArray.CreateBuilder<RelayMatrixColumn>();
        columns.Add(new RelayMatrixColumn(Inputs.RemoteRecipient, AddressClass.Default));
        foreach (var recipient in Inputs.Recipients.Skip(1))
        {
            if (scope.ClassOf(recipient) is { } recipientClass && columns.All(c => c.Class != recipientClass))
            {
                columns.Add(new RelayMatrixColumn(recipient, recipientClass));
            }
        }

        var rows = ImmutableArray.CreateBuilder<RelayMatrixRow>();
        foreach (var login in new string?[] { null }.Concat(Inputs.SaslLogins))
        {
            foreach (var clientClass in Inputs.Clients.Classes)
            {
                var cells = ImmutableArray.CreateBuilder<RelayMatrixCell>(columns.Count);
                foreach (var column in columns)
                {
                    cells.Add(Cell(MatrixProbe(listener, clientClass, login, column.Recipient)));
                }

                rows.Add(new RelayMatrixRow(clientClass, login, cells.MoveToImmutable()));
            }
        }

        return new RelayMatrix(listener, columns.ToImmutable(), rows.ToImmutable());
    }

    /// <summary>The probe of one matrix cell: the class's representative, logged in as <paramref name="login"/> (over TLS) or not, with the baseline HELO and sender.</summary>
    internal Probe MatrixProbe(SmtpdListener listener, ClientClass clientClass, string? login, string recipient) =>
        Baseline(clientClass, listener.Service) with { Recipient = recipient, SaslLogin = login, Tls = login is null ? null : true };

    /// <summary>Simulates <paramref name="probe"/> and reads the cell out of the result.</summary>
    internal RelayMatrixCell Cell(Probe probe)
    {
        var result = Simulate(probe);
        var detail = result.Decision switch
        {
            Decision.Error => result.Error,
            Decision.Unreachable => result.Reachability,
            Decision.Unknown => result.UnknownReason,
            _ => null,
        };
        return new RelayMatrixCell(result.Decision, TraceReading.FinalReply(result), TraceReading.Deciding(result), detail);
    }

    /// <summary>The address class <paramref name="recipient"/> has on <paramref name="listener"/>, or null when it cannot be known.</summary>
    internal AddressClass? RecipientClass(SmtpdListener listener, string recipient) => Scope(listener).ClassOf(recipient);

    private ClassOutcome ProbeClass(SmtpdListener? listener, ClientClass clientClass, string service)
    {
        var baseline = Baseline(clientClass, service);
        var result = Simulate(baseline);
        switch (result.Decision)
        {
            case Decision.Accept:
                return new ClassOutcome(ClassOutcomeKind.Relays, baseline, result, null, null);
            case Decision.Unknown:
                return new ClassOutcome(ClassOutcomeKind.DependsOnDns, baseline, result, null, result.UnknownReason ?? "the answer depends on DNS");
            case Decision.Error or Decision.Unreachable:
                return new ClassOutcome(ClassOutcomeKind.Error, baseline, result, null, null);
        }

        foreach (var (probe, input) in Alternatives(listener, baseline))
        {
            var alternative = Simulate(probe);
            if (alternative.Decision == Decision.Accept)
            {
                return new ClassOutcome(ClassOutcomeKind.Relays, probe, alternative, input, null);
            }
        }

        foreach (var name in Inputs.ClientNames)
        {
            var probe = baseline with { ClientName = name };
            if (Simulate(probe) is { Decision: Decision.Accept })
            {
                return new ClassOutcome(ClassOutcomeKind.DependsOnDns, probe, result, null,
                    $"relays when DNS gives the client the verified hostname {name}");
            }
        }

        return new ClassOutcome(ClassOutcomeKind.Closed, baseline, result, null, null);
    }

    private IEnumerable<(Probe Probe, string Input)> Alternatives(SmtpdListener? listener, Probe baseline)
    {
        foreach (var helo in Inputs.HeloNames.Skip(1))
        {
            yield return (baseline with { Helo = helo }, $"HELO name \"{helo}\"");
        }

        foreach (var sender in Inputs.Senders.Skip(1))
        {
            yield return (baseline with { Sender = sender }, sender.Length == 0 ? "the null sender <>" : $"sender <{sender}>");
        }

        var scope = listener is null ? null : Scope(listener);
        foreach (var recipient in Inputs.Recipients.Skip(1))
        {
            if (scope?.ClassOf(recipient) == AddressClass.Default)
            {
                yield return (baseline with { Recipient = recipient }, $"recipient <{recipient}>");
            }
        }

        yield return (baseline with { Tls = true }, "STARTTLS");
    }

    private Probe Baseline(ClientClass clientClass, string service) =>
        new(AddressMath.Text(clientClass.Representative), Inputs.RemoteSender, Inputs.RemoteRecipient)
        {
            Helo = Inputs.UnknownHelo,
            Service = service,
        };

    /// <summary>The first sender address the policy says <paramref name="login"/> may use; null when it names none.</summary>
    private string? OwnSender(string login) =>
        _policy?.Senders.Where(s => string.Equals(s.SaslLogin, login, StringComparison.Ordinal)).SelectMany(s => s.May).FirstOrDefault();

    private SimulationResult Simulate(Probe probe)
    {
        ProbeCount++;
        return _simulator.Simulate(probe);
    }

    private RecipientScope Scope(SmtpdListener listener)
    {
        if (!_scopes.TryGetValue(listener.Service, out var scope))
        {
            scope = new RecipientScope(_config, listener, _simulatorOptions);
            _scopes[listener.Service] = scope;
        }

        return scope;
    }

    private IEnumerable<ClientClass> ClassesIn(System.Net.IPNetwork network)
    {
        var classes = network.BaseAddress.AddressFamily == AddressFamily.InterNetwork ? Inputs.Clients.IPv4Classes : Inputs.Clients.IPv6Classes;
        var (first, last) = AddressMath.Bounds(network);
        return classes.Where(c => AddressMath.ToUInt128(c.Last) >= first && AddressMath.ToUInt128(c.First) <= last);
    }

    /// <summary>The client and service to try a login's senders from: its <c>mayRelay</c> entry, else an untrusted public client on submission (or smtp).</summary>
    private (ClientClass Client, string Service) SenderClient(string login)
    {
        if (_policy?.MayRelay.FirstOrDefault(i => i.SaslLogin == login) is { } intent)
        {
            return (ClassesIn(intent.Client).First(), intent.Service);
        }

        var service = Listeners.Any(l => SameService(l, "submission")) ? "submission" : "smtp";
        var client = Inputs.Clients.Classes.FirstOrDefault(c => c.IsGloballyRoutable && !IsTrusted(c)) ?? Inputs.Clients.Classes[0];
        return (client, service);
    }

    private static bool SameService(SmtpdListener listener, string service) =>
        listener.Service == service || listener.Port == new SmtpdListener(service, null).Port;

    /// <summary>
    /// The address space split at the configuration's own boundaries only (without the special-purpose blocks that
    /// <see cref="ClientAddressSpace"/> adds to tell trusted from untrusted space); null when some table pattern has no
    /// witness (its keys drew no boundary, so the split may miss one).
    /// </summary>
    /// <remarks>
    /// Two client classes in one region lie inside exactly the same networks the configuration names, so every
    /// restriction that looks at the client address answers them alike, and so does smtpd as a whole: the same argument
    /// that lets one representative stand for a class. The proof therefore probes one closed class per region (with
    /// every other input varied as usual) instead of each slice the special-purpose registry cuts out of it; a class
    /// whose region is not known to be closed is probed on its own as before, so every counterexample still names its
    /// own class and probe.
    /// </remarks>
    private ConfigRegionMap? ConfigRegions() =>
        Inputs.UncoveredPatterns.IsEmpty ? new ConfigRegionMap(Inputs.Boundaries) : null;

    /// <summary>Untrusted classes that relay and lie in a contiguous relaying run wider than a /24 (IPv4) or /48 (IPv6).</summary>
    private static HashSet<ClientClass> WideClasses(IEnumerable<ClientClass> relaying)
    {
        var wide = new HashSet<ClientClass>();
        var run = new List<ClientClass>();
        BigInteger size = 0;
        void Close()
        {
            if (run.Count > 0 && size > (run[0].Family == AddressFamily.InterNetwork ? s_wideIPv4 : s_wideIPv6))
            {
                wide.UnionWith(run);
            }

            run.Clear();
            size = 0;
        }

        foreach (var clientClass in relaying.OrderBy(c => c.Family).ThenBy(c => AddressMath.ToUInt128(c.First)))
        {
            if (run.Count > 0 && (run[^1].Family != clientClass.Family || AddressMath.ToUInt128(run[^1].Last) + 1 != AddressMath.ToUInt128(clientClass.First)))
            {
                Close();
            }

            run.Add(clientClass);
            size += clientClass.Count;
        }

        Close();
        return wide;
    }

    /// <summary>True when a network of at most /24 (IPv4) or /48 (IPv6) that the configuration names holds the whole class.</summary>
    private bool ListedExplicitly(ClientClass clientClass) =>
        Inputs.Boundaries.Any(b => b.BaseAddress.AddressFamily == clientClass.Family
                                   && b.PrefixLength >= (clientClass.Family == AddressFamily.InterNetwork ? 24 : 48)
                                   && b.Contains(clientClass.First) && b.Contains(clientClass.Last));

    private static string Who(RelayIntent intent, ClientClass clientClass)
    {
        var whole = intent.Client.PrefixLength == (intent.Client.BaseAddress.AddressFamily == AddressFamily.InterNetwork ? 32 : 128)
                    || string.Equals(clientClass.ToString(), intent.Client.ToString(), StringComparison.Ordinal);
        var client = whole ? intent.ClientText : $"{clientClass} (in {intent.ClientText})";
        return intent.SaslLogin is null ? client : $"{client} logged in as {intent.SaslLogin}";
    }

    private static string Explain(SimulationResult result) => result.Decision switch
    {
        Decision.Error => $"the client cannot get a session: {result.Error}",
        Decision.Unreachable => $"the client cannot get a session: {result.Reachability}",
        Decision.Unknown => $"the answer depends on DNS or a run-time source: {result.UnknownReason}",
        _ => $"{TraceReading.FinalReply(result)} ({TraceReading.Describe(TraceReading.Deciding(result))})",
    };

    private enum ClassOutcomeKind
    {
        Closed,
        Relays,
        DependsOnDns,
        Error,
    }

    /// <summary>The starts of the regions the configuration's boundaries cut each address family into.</summary>
    private sealed class ConfigRegionMap
    {
        private static readonly System.Net.IPNetwork s_ipv4Mapped = System.Net.IPNetwork.Parse("::ffff:0:0/96");

        private readonly UInt128[] _ipv4;
        private readonly UInt128[] _ipv6;

        public ConfigRegionMap(ImmutableArray<System.Net.IPNetwork> boundaries)
        {
            var ipv4 = new List<UInt128> { 0 };
            var ipv6 = new List<UInt128> { 0 };

            // smtpd reads an IPv4-mapped client (::ffff:a.b.c.d) as the IPv4 address a.b.c.d when IPv4 is enabled
            // (src/smtpd/smtpd_peer.c), so an IPv6 network such as ::/0 does not match it: such clients never share a
            // region with native IPv6 ones.
            foreach (var network in boundaries.Append(s_ipv4Mapped))
            {
                var family = network.BaseAddress.AddressFamily;
                var starts = family == AddressFamily.InterNetwork ? ipv4 : ipv6;
                var (first, last) = AddressMath.Bounds(network);
                starts.Add(first);
                if (last < AddressMath.Max(family))
                {
                    starts.Add(last + 1);
                }
            }

            ipv4.Sort();
            ipv6.Sort();
            _ipv4 = [.. ipv4.Distinct()];
            _ipv6 = [.. ipv6.Distinct()];
        }

        /// <summary>The region holding the whole of <paramref name="clientClass"/> (classes never cross a configuration boundary).</summary>
        public (AddressFamily, int) RegionOf(ClientClass clientClass)
        {
            var starts = clientClass.Family == AddressFamily.InterNetwork ? _ipv4 : _ipv6;
            var index = Array.BinarySearch(starts, AddressMath.ToUInt128(clientClass.First));
            return (clientClass.Family, index >= 0 ? index : ~index - 1);
        }
    }

    private sealed record ClassOutcome(ClassOutcomeKind Kind, Probe Probe, SimulationResult Result, string? Spoofed, string? Reason);
}
