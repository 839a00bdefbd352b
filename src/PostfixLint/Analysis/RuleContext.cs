using System.Collections.Concurrent;
using System.Collections.Immutable;
using PostfixLint.Analysis.Relay;
using PostfixLint.Diagnostics;
using PostfixLint.Model;
using PostfixLint.Model.Tables;
using PostfixLint.Simulation;
using PostfixLint.Syntax;

namespace PostfixLint.Analysis;

/// <summary>What a rule sees: the configuration, the policy, the simulator and the relay analysis, and where it reports.</summary>
/// <remarks>The simulator, the listeners and the relay analysis are built on first use and shared by every rule of one run.</remarks>
internal sealed class RuleContext
{
    private readonly List<Diagnostic> _findings;
    private readonly Lazy<RelayAnalyzer> _relay;
    private readonly Lazy<RelaySimulator> _simulator;
    private readonly Lazy<ImmutableArray<SmtpdListener>> _listeners;
    private readonly Dictionary<MasterService, ListenerSettings> _settings = new(ReferenceEqualityComparer.Instance);
    private ListenerSettings? _mainSettings;
    private RelayProof? _proof;
    private PolicyEvaluation? _policyEvaluation;

    /// <summary>Creates the context of one lint run; findings go to <paramref name="findings"/>.</summary>
    public RuleContext(PostfixConfig config, LintOptions options, List<Diagnostic> findings)
    {
        Config = config;
        Options = options;
        _findings = findings;
        var relayOptions = options.Relay ?? new RelayAnalysisOptions();
        if (relayOptions.TableEntries is null && !string.Equals(config.Expand("smtputf8_enable"), "no", StringComparison.OrdinalIgnoreCase))
        {
            // The map rules parse every referenced table once per run (with smtputf8_enable's utf8 flag, here on, as the
            // relay collector parses): the collector reads the same parses instead of parsing a large table again.
            relayOptions = relayOptions with
            {
                TableEntries = (name, format, skip) => Rules.Maps.ReferencedTables.FileOf(this, name, format).Source is not { } source ? null
                    : skip is null ? source.Entries
                    : source.EntriesSkipping(skip),
            };
        }

        // The map rules' scans, the tables and the trace's line spans read each source file once per run (a 10^6-line
        // sender_login_maps is mapped and resident once, not once per reader).
        TableFiles = relayOptions.Simulator.Files ?? new TableFiles();
        relayOptions = relayOptions with { Simulator = relayOptions.Simulator with { Files = TableFiles } };
        if (relayOptions.Simulator.OpenTable is null)
        {
            // The proof, the policy, the rules' simulator and their table sets all look up the same tables: open each
            // once per run (a 10^6-line sender_login_maps indexed once, not once per simulator).
            var factory = new LookupTableFactory(config, new LookupTableOptions { AsDeployed = relayOptions.Simulator.AsDeployed, Files = TableFiles });
            var opened = new ConcurrentDictionary<string, ILookupTable>(StringComparer.Ordinal);
            relayOptions = relayOptions with
            {
                Simulator = relayOptions.Simulator with { OpenTable = spec => opened.TryGetValue(spec, out var table) ? table : opened.GetOrAdd(spec, factory.Open) },
            };
        }

        SimulatorOptions = relayOptions.Simulator;
        _relay = new Lazy<RelayAnalyzer>(() => new RelayAnalyzer(config, options.Policy, relayOptions));
        _simulator = new Lazy<RelaySimulator>(() => new RelaySimulator(config, relayOptions.Simulator));
        _listeners = new Lazy<ImmutableArray<SmtpdListener>>(() => SmtpdListener.Find(config));
    }

    /// <summary>The table source files of this run, shared by the map rules' scans and every table the simulators open.</summary>
    public TableFiles TableFiles { get; }

    /// <summary>The simulator options of this run: every simulator and table set a rule builds opens its tables through them.</summary>
    public SimulatorOptions SimulatorOptions { get; }

    /// <summary>The configuration being checked.</summary>
    public PostfixConfig Config { get; }

    /// <summary>The run's options (policy, selection, root).</summary>
    public LintOptions Options { get; }

    /// <summary>The admin's intent, when one was given.</summary>
    public RelayPolicy? Policy => Options.Policy;

    /// <summary>The relay analysis (open-relay proof, policy, matrix) of this configuration.</summary>
    public RelayAnalyzer Relay => _relay.Value;

    /// <summary>The open-relay proof over every listener and client class, computed once per run.</summary>
    public RelayProof Proof => _proof ??= Relay.ProveNoOpenRelay();

    /// <summary>The policy's intents checked by the simulator, computed once per run (no violations without a policy).</summary>
    public PolicyEvaluation PolicyEvaluation => _policyEvaluation ??= Relay.EvaluatePolicy();

    /// <summary>The simulator, for rules that ask what smtpd answers to one probe.</summary>
    public RelaySimulator Simulator => _simulator.Value;

    /// <summary>The smtpd listeners of master.cf (or Postfix's stock smtp listener when there is no master.cf).</summary>
    public ImmutableArray<SmtpdListener> Listeners => _listeners.Value;

    /// <summary>The parameters as one listener sees them: main.cf overlaid with the service's <c>-o</c> options.</summary>
    public ListenerSettings SettingsOf(MasterService? service)
    {
        if (service is null)
        {
            return _mainSettings ??= new ListenerSettings(Config, null);
        }

        if (!_settings.TryGetValue(service, out var settings))
        {
            settings = new ListenerSettings(Config, service);
            _settings[service] = settings;
        }

        return settings;
    }

    /// <summary>Reports a finding of <paramref name="rule"/> at <paramref name="at"/> (null: no position, e.g. a default value).</summary>
    public void Report(RuleDescriptor rule, string message, SourceLocation? at, Fix? fix = null, string? help = null, IEnumerable<string>? notes = null)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(message);
        _findings.Add(new Diagnostic(rule.Id, rule.DefaultSeverity, at?.Path, at?.Span, message, fix)
        {
            Help = help,
            Notes = notes is null ? [] : [.. notes],
        });
    }

    /// <summary>Adds a finding that already is a diagnostic (what reading the files reported).</summary>
    public void Add(Diagnostic finding) => _findings.Add(finding);

    /// <summary>Reports a finding on a list item, at the text it came from (which may be another parameter's value).</summary>
    public void Report(RuleDescriptor rule, string message, ValueOrigin? at, Fix? fix = null, string? help = null, IEnumerable<string>? notes = null) =>
        Report(rule, message, at?.Location, fix, help, notes);

    /// <summary>
    /// Where parameter <paramref name="name"/> is set for <paramref name="service"/>: the <c>-o</c> option of the
    /// service when it has one, else the main.cf line; the span covers the name. Null for a default.
    /// </summary>
    public SourceLocation? LocateParameter(string name, MasterService? service = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        var definition = service?.Overrides.LastOrDefault(o => string.Equals(o.Name, name, StringComparison.Ordinal));
        var provenance = definition?.Provenance ?? Config.GetParameter(name)?.Provenance;
        return provenance is null ? null : LocateName(provenance, name);
    }

    /// <summary>The name at the start of the definition <paramref name="provenance"/> describes; the whole definition when the name is not there.</summary>
    public SourceLocation? LocateName(Provenance provenance, string name)
    {
        ArgumentNullException.ThrowIfNull(provenance);
        if (provenance.File is not { } path || provenance.Span is not { } span)
        {
            return null;
        }

        var text = DocumentText(path);
        if (text is not null && span.Start + name.Length <= text.Length
            && string.CompareOrdinal(text, span.Start, name, 0, name.Length) == 0)
        {
            return new SourceLocation(path, new TextSpan(span.Start, name.Length));
        }

        return new SourceLocation(path, span);
    }

    /// <summary>The original text of main.cf or master.cf at <paramref name="path"/>; null for any other file.</summary>
    public string? DocumentText(string path)
    {
        foreach (var document in new[] { Config.MainCf?.Document, Config.MasterCf?.Document })
        {
            if (document is not null && string.Equals(document.Path, path, StringComparison.Ordinal))
            {
                return document.Text;
            }
        }

        return null;
    }

    /// <summary>Where a parameter's value is set, worded for a message: <c>main.cf:12</c>, <c>master.cf:17 (-o)</c>, or <c>default</c>.</summary>
    public string Where(string name, MasterService? service = null)
    {
        var definition = service?.Overrides.LastOrDefault(o => string.Equals(o.Name, name, StringComparison.Ordinal));
        if (definition is not null)
        {
            return $"{Path.GetFileName(definition.Provenance.File)}:{definition.Provenance.Line} (-o)";
        }

        var provenance = Config.GetParameter(name)?.Provenance ?? Provenance.Default;
        return provenance.File is { } file && provenance.Line > 0 ? $"{Path.GetFileName(file)}:{provenance.Line}" : provenance.ToString();
    }
}
