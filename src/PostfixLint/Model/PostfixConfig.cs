using System.Collections.Immutable;
using PostfixLint.Diagnostics;
using PostfixLint.Model.Catalog;
using PostfixLint.Model.Postconf;
using PostfixLint.Model.Values;
using PostfixLint.Syntax;

namespace PostfixLint.Model;

/// <summary>The effective configuration of one Postfix instance: main.cf and master.cf over Postfix's defaults.</summary>
/// <remarks>
/// Immutable once loaded. Values are kept as Postfix reads them (logical lines, unexpanded); <see cref="Expand"/>
/// expands them the way <c>postconf -x</c> does. Problems never throw: they are in <see cref="Messages"/>.
/// </remarks>
public sealed class PostfixConfig
{
    /// <summary>The directory Postfix uses when none is given.</summary>
    public const string DefaultConfigDirectory = "/etc/postfix";

    private readonly ImmutableArray<ParameterDefinition> _definitions;
    private readonly Dictionary<string, Parameter> _explicit;
    private readonly Lazy<HostFacts> _host;
    private readonly Lazy<PostconfEngine> _engine;
    private readonly Lazy<PostconfEngine> _defaultsEngine;
    private Dictionary<int, ParameterSyntax>? _mainCfParameterAt;
    private readonly Dictionary<object, MacroExpander> _readExpanders = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<object, Dictionary<(Type, string), object?>> _reads = new(ReferenceEqualityComparer.Instance);
    private ImmutableArray<UnknownParameter>? _unknown;

    private PostfixConfig(
        string configDirectory,
        ConfigSourceKind sourceKind,
        MainCfSyntax? mainCf,
        MasterCfSyntax? masterCf,
        ImmutableArray<ParameterDefinition> definitions,
        ImmutableArray<MasterService> services,
        ImmutableArray<Diagnostic> readMessages,
        bool readFailed,
        ConfigLoadOptions options)
    {
        ConfigDirectory = configDirectory;
        SourceKind = sourceKind;
        MainCf = mainCf;
        MasterCf = masterCf;
        _definitions = definitions;
        Services = services;
        ReadMessages = readMessages;
        ReadFailed = readFailed;
        Options = options;
        Catalog = options.Catalog ?? ParameterCatalog.Postfix37;
        _host = options.Host is { } host ? new Lazy<HostFacts>(host) : new Lazy<HostFacts>(HostFacts.Current);
        Paths = new PathMapper(DefaultConfigDirectory, configDirectory, options.Root, options.Overlay);
        _explicit = BuildExplicit(definitions);
        ExplicitParameters = _explicit.AsReadOnly();
        _engine = new Lazy<PostconfEngine>(() => PostconfEngine.Create(this, defaultsOnly: false));
        _defaultsEngine = new Lazy<PostconfEngine>(() => PostconfEngine.Create(this, defaultsOnly: true));
    }

    /// <summary>The configuration directory as given (postconf's <c>-c</c>).</summary>
    public string ConfigDirectory { get; }

    /// <summary>What the configuration was read from.</summary>
    public ConfigSourceKind SourceKind { get; }

    /// <summary>The lossless syntax of main.cf, when it was read from a file.</summary>
    public MainCfSyntax? MainCf { get; }

    /// <summary>The lossless syntax of master.cf, when there is one.</summary>
    public MasterCfSyntax? MasterCf { get; }

    /// <summary>The master.cf services in file order.</summary>
    public ImmutableArray<MasterService> Services { get; }

    /// <summary>The parameter catalogue used for names and defaults.</summary>
    public ParameterCatalog Catalog { get; }

    /// <summary>The host facts used for computed defaults (<c>myhostname</c>, <c>mynetworks</c>, ...).</summary>
    public HostFacts Host => _host.Value;

    /// <summary>Maps file names in the configuration to files on this machine.</summary>
    internal PathMapper Paths { get; }

    /// <summary>The options the configuration was loaded with.</summary>
    public ConfigLoadOptions Options { get; }

    /// <summary>Every <c>name = value</c> definition in main.cf (or postconf output), in file order, duplicates included.</summary>
    public ImmutableArray<ParameterDefinition> Definitions => _definitions;

    /// <summary>Messages from reading the files: syntax warnings, duplicates, unreadable files.</summary>
    public ImmutableArray<Diagnostic> ReadMessages { get; }

    /// <summary>True when main.cf could not be used at all (missing, or a line Postfix refuses).</summary>
    public bool ReadFailed { get; }

    /// <summary>
    /// Every warning and fatal error <c>postconf</c> would give for this configuration, worded as postconf words
    /// them: reading problems, read-only assignments, undefined and unused parameters.
    /// </summary>
    public ImmutableArray<Diagnostic> Messages
    {
        get
        {
            // postconf -n prints despite our own expansion limit (it does not expand); the limit is still an error here.
            var messages = PostconfPrinter.Print(this, new PostconfQuery { NonDefaultOnly = true }).Messages;
            return !ReadFailed && Engine.OwnLimitFatal is { } limit && !messages.Any(m => m.Severity == DiagnosticSeverity.Fatal)
                ? messages.Add(limit with { Message = PostconfPrinter.Printable(limit.Message) })
                : messages;
        }
    }

    /// <summary>Messages from reading master.cf alone (what <c>postconf -d</c> reports).</summary>
    public ImmutableArray<Diagnostic> MasterReadMessages { get; private init; } = [];

    /// <summary>True when master.cf has an entry Postfix refuses.</summary>
    public bool MasterReadFailed { get; private init; }

    /// <summary>True when Postfix programs can read this configuration (no fatal error).</summary>
    public bool IsUsable => !ReadFailed && !Engine.Failed;

    /// <summary>The parameters set explicitly, by name; the last definition wins.</summary>
    public IReadOnlyDictionary<string, Parameter> ExplicitParameters { get; }

    /// <summary>The path of main.cf as read.</summary>
    public string MainCfPath => Path.Combine(ConfigDirectory, "main.cf");

    /// <summary>The path of master.cf as read.</summary>
    public string MasterCfPath => Path.Combine(ConfigDirectory, "master.cf");

    internal PostconfEngine Engine => _engine.Value;

    internal PostconfEngine DefaultsEngine => _defaultsEngine.Value;

    /// <summary>Reads <c>main.cf</c> and <c>master.cf</c> from <paramref name="configDirectory"/>.</summary>
    /// <remarks>Never throws for bad content; problems are in <see cref="Messages"/>.</remarks>
    public static PostfixConfig Load(string configDirectory, ConfigLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(configDirectory);
        options ??= new ConfigLoadOptions();
        var messages = ImmutableArray.CreateBuilder<Diagnostic>();
        var mainPath = configDirectory + "/main.cf";
        var masterPath = configDirectory + "/master.cf";

        MainCfSyntax? mainCf = null;
        var definitions = ImmutableArray<ParameterDefinition>.Empty;
        var failed = false;
        try
        {
            mainCf = MainCfSyntax.Parse(SourceFile.Read(Overlaid(options, mainPath)), mainPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            messages.Add(new Diagnostic(DiagnosticIds.FileNotReadable, DiagnosticSeverity.Fatal, mainPath, null, $"open {mainPath}: {ErrorText.Describe(ex)}"));
            failed = true;
        }

        if (mainCf is not null)
        {
            var seed = new List<ParameterDefinition>();
            if (options.ConfigDirectoryFromCommandLine)
            {
                // src/postconf/postconf_misc.c pcf_set_config_dir(): -c DIR is entered before main.cf is read.
                seed.Add(new ParameterDefinition("config_directory", configDirectory, new Provenance(ProvenanceKind.CommandLine)));
            }

            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            var collected = new List<ParameterDefinition>(seed);
            foreach (var message in LoadDictionary(mainCf, mainPath, values, seed, collected))
            {
                messages.Add(message);
                failed |= message.Severity == DiagnosticSeverity.Fatal;
            }

            definitions = [.. collected];
        }

        MasterCfSyntax? masterCf = null;
        var services = ImmutableArray<MasterService>.Empty;
        var masterMessages = ImmutableArray.CreateBuilder<Diagnostic>();
        var masterFailed = false;
        try
        {
            masterCf = MasterCfSyntax.Parse(SourceFile.Read(Overlaid(options, masterPath)), masterPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // src/postconf/postconf_master.c pcf_read_master(): a missing master.cf is only a warning.
            masterMessages.Add(new Diagnostic(DiagnosticIds.FileNotReadable, DiagnosticSeverity.Warning, masterPath, null, $"open {masterPath}: {ErrorText.Describe(ex)}"));
        }

        if (masterCf is not null)
        {
            foreach (var diagnostic in masterCf.Diagnostics)
            {
                if (ToMessage(masterCf.Document.Lines, masterPath, diagnostic) is { } message)
                {
                    masterMessages.Add(message);
                    masterFailed |= diagnostic.Severity == DiagnosticSeverity.Fatal;
                    if (masterFailed)
                    {
                        // postconf stops at the first fatal entry.
                        break;
                    }
                }
            }

            services = BuildServices(masterCf, masterPath);
        }

        // postconf reads main.cf first: when it stops there, master.cf is never looked at.
        if (!failed)
        {
            messages.AddRange(masterMessages);
            failed = masterFailed;
        }

        return new PostfixConfig(configDirectory, ConfigSourceKind.Directory, mainCf, masterCf, definitions, services, messages.ToImmutable(), failed, options)
        {
            MasterReadMessages = masterMessages.ToImmutable(),
            MasterReadFailed = masterFailed,
        };
    }

    private static string Overlaid(ConfigLoadOptions options, string path) =>
        options.Overlay is { } overlay && overlay.TryGetValue(path, out var replacement) ? replacement : path;

    /// <summary>Reads the output of <c>postconf</c>, <c>postconf -n</c>, <c>-d</c> or <c>-x</c> (all are main.cf syntax).</summary>
    /// <param name="text">The output, as read (Latin-1 decoded bytes).</param>
    /// <param name="sourceName">A name for messages, such as the file name or <c>-</c> for standard input.</param>
    /// <param name="options">How to interpret paths and defaults.</param>
    public static PostfixConfig FromPostconfOutput(string text, string sourceName, ConfigLoadOptions? options = null)
    {
        options ??= new ConfigLoadOptions();
        var syntax = MainCfSyntax.Parse(text, sourceName);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var collected = new List<ParameterDefinition>();
        var messages = ImmutableArray.CreateBuilder<Diagnostic>();
        var failed = false;
        foreach (var message in LoadDictionary(syntax, sourceName, values, [], collected, ProvenanceKind.PostconfOutput))
        {
            messages.Add(message);
            failed |= message.Severity == DiagnosticSeverity.Fatal;
        }

        // postconf prints config_directory like any other parameter; it names where the dump came from.
        var directory = values.TryGetValue("config_directory", out var dumped) ? dumped : DefaultConfigDirectory;
        return new PostfixConfig(directory, ConfigSourceKind.PostconfOutput, syntax, null, [.. collected], [], messages.ToImmutable(), failed, options with { ConfigDirectoryFromCommandLine = false });
    }

    /// <summary>The effective parameter <paramref name="name"/>: explicit, or Postfix's default; null when Postfix does not know it.</summary>
    public Parameter? GetParameter(string name)
    {
        if (_explicit.TryGetValue(name, out var parameter))
        {
            return parameter with { Class = ClassOf(name) };
        }

        var defaultValue = Engine.DefaultOf(name);
        if (defaultValue is null)
        {
            return null;
        }

        // myhostname, mynetworks, ... are computed from Host (ConfigLoadOptions.Host), not compiled in.
        var provenance = ComputedDefaults.IsComputed(name) ? Provenance.HostComputed : Provenance.Default;
        return new Parameter(name, defaultValue, provenance, ClassOf(name), []);
    }

    /// <summary>How Postfix knows <paramref name="name"/> (built-in, service-defined, user-defined, or not at all).</summary>
    public ParameterClass ClassOf(string name) => Engine.ClassOf(name);

    /// <summary>The value of <paramref name="name"/> expanded as <c>postconf -x</c> expands it; null when it has none.</summary>
    public string? Expand(string name) => Engine.ExpandedValue(name);

    /// <summary>
    /// Settings no Postfix program uses (postconf's "unused parameter"), each with "did you mean" suggestions,
    /// e.g. <c>smtpd_relay_restriction</c> → <c>smtpd_relay_restrictions</c>.
    /// </summary>
    public ImmutableArray<UnknownParameter> UnknownParameters =>
        _unknown ??= ReadFailed ? [] : [.. Engine.UnusedDefinitions().Select(d => new UnknownParameter(d, Catalog.Suggest(d.Name)))];

    /// <summary>The value of <paramref name="name"/> split into list elements (commas and blanks; <c>{...}</c> kept whole).</summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="service">Read the value as this master.cf service sees it (its <c>-o</c> overrides first); null for main.cf.</param>
    public TypedValue<ImmutableArray<ListElement>>? GetList(string name, MasterService? service = null) =>
        Read(name, service, PostfixList.Split, (map, value) => map.Attach(value));

    /// <summary>The value of <paramref name="name"/> read as an smtpd restriction list, as smtpd parses it.</summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="service">Read the value as this master.cf service sees it (its <c>-o</c> overrides first); null for main.cf.</param>
    public TypedValue<ImmutableArray<Restriction>>? GetRestrictionList(string name, MasterService? service = null) =>
        Read(name, service, value => RestrictionList.Parse(value, name), (map, value) => map.Attach(value));

    /// <summary>The value of <paramref name="name"/> read as a host/address match list such as <c>mynetworks</c>.</summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="service">Read the value as this master.cf service sees it (its <c>-o</c> overrides first); null for main.cf.</param>
    public TypedValue<NetworkList.Result>? GetNetworkList(string name, MasterService? service = null) =>
        Read(name, service, value => NetworkList.Parse(value, name), (map, value) => map.Attach(value));

    /// <summary>The <c>type:table</c> references in the value of <paramref name="name"/> (a <c>*_maps</c> list).</summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="service">Read the value as this master.cf service sees it (its <c>-o</c> overrides first); null for main.cf.</param>
    public TypedValue<ImmutableArray<MapReference>>? GetMapReferences(string name, MasterService? service = null) =>
        Read(
            name,
            service,
            value => PostfixList.Split(value)
                .Select(element => MapReference.Parse(element.Text, element.Span.Start))
                .OfType<MapReference>()
                .ToImmutableArray(),
            (map, value) => map.Attach(value));

    /// <summary>The value of <paramref name="name"/> as a boolean (<c>yes</c>/<c>no</c>); null when it is not one.</summary>
    public bool? GetBoolean(string name) =>
        Expand(name) is { } value && PostfixBoolean.TryParse(value, out var result) ? result : null;

    /// <summary>The value of <paramref name="name"/> as an integer; null when it is not one.</summary>
    public int? GetInteger(string name) =>
        Expand(name) is { } value && PostfixInteger.TryParse(value, out var result) ? result : null;

    /// <summary>The value of <paramref name="name"/> as a time in seconds; <paramref name="defaultUnit"/> applies to bare numbers.</summary>
    public int? GetTime(string name, char defaultUnit = 's') =>
        Expand(name) is { } value && PostfixTime.TryParse(value, defaultUnit, out var seconds) ? seconds : null;

    /// <summary>
    /// Maps a span of <paramref name="parameter"/>'s value (as written, unexpanded) to the span of the same text in
    /// its source file (main.cf, postconf output, or the master.cf <c>-o</c> it came from); null for defaults and
    /// values without a source.
    /// </summary>
    public TextSpan? ToSourceSpan(Parameter parameter, TextSpan valueSpan)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        return DocumentMapping(parameter.Provenance)?.Invoke(valueSpan);
    }

    /// <summary>
    /// The unexpanded value of <paramref name="name"/> as <paramref name="service"/> sees it (its last <c>-o</c>
    /// for the name, else main.cf, else the default) and where it is written; null when it has none.
    /// </summary>
    internal ValueSource? SourceOf(string name, MasterService? service)
    {
        var definition = service is null ? null : LastOverride(service, name);
        var (value, provenance) = definition is not null
            ? (definition.Value, definition.Provenance)
            : GetParameter(name) is { } parameter ? (parameter.Value, parameter.Provenance) : (null, null);
        if (value is null || provenance is null)
        {
            return null;
        }

        var mapping = DocumentMapping(provenance);
        return new ValueSource(name, value, provenance.Kind, mapping is null ? null : provenance.File, mapping);
    }

    private static ParameterDefinition? LastOverride(MasterService service, string name)
    {
        for (var i = service.Overrides.Length - 1; i >= 0; i--)
        {
            if (service.Overrides[i].Name == name)
            {
                return service.Overrides[i];
            }
        }

        return null;
    }

    // How spans of a value written at `provenance` map to its document; null when it is not written in one.
    private Func<TextSpan, TextSpan>? DocumentMapping(Provenance provenance)
    {
        if (provenance.Span is not { } span || provenance.File is null)
        {
            return null;
        }

        switch (provenance.Kind)
        {
            case ProvenanceKind.MainCf or ProvenanceKind.PostconfOutput when MainCf is not null:
                {
                    var syntax = MainCfParameterAt(span);
                    return syntax is null ? null : valueSpan => syntax.ToSourceSpan(valueSpan.Start, valueSpan.End);
                }

            case ProvenanceKind.MasterCf:
                {
                    var syntax = Services
                        .SelectMany(service => service.Syntax?.Overrides ?? [])
                        .FirstOrDefault(o => o.Span == span);
                    return syntax is null ? null : valueSpan => syntax.ToSourceSpan(valueSpan.Start, valueSpan.End);
                }

            default:
                return null;
        }
    }

    // The configuration does not change, so each read is done once: rules, the simulator and the relay analysis read
    // the same lists again and again, and expanding a long value with its origins is not cheap.
    private TypedValue<T>? Read<T>(string name, MasterService? service, Func<string, T> parse, Func<ExpansionMap, T, T> attach)
    {
        var key = (typeof(T), name);
        lock (_reads)
        {
            if (_reads.TryGetValue((object?)service ?? _reads, out var reads) && reads.TryGetValue(key, out var known))
            {
                return (TypedValue<T>?)known;
            }
        }

        var read = ReadOnce(name, service, parse, attach);
        lock (_reads)
        {
            var scope = (object?)service ?? _reads;
            if (!_reads.TryGetValue(scope, out var reads))
            {
                _reads[scope] = reads = [];
            }

            reads[key] = read;
        }

        return read;
    }

    private TypedValue<T>? ReadOnce<T>(string name, MasterService? service, Func<string, T> parse, Func<ExpansionMap, T, T> attach)
    {
        ValueSource? Resolve(string n) => SourceOf(n, service);
        if (Resolve(name) is not { } source)
        {
            return null;
        }

        var parameter = service is not null && LastOverride(service, name) is { } definition
            ? new Parameter(name, definition.Value, definition.Provenance, ClassOf(name), [])
            : GetParameter(name)!;

        string expanded;
        ExpansionMap? map;
        if (MacroExpanderOptions.Postfix37RawParameters.Contains(name))
        {
            // pcf_print_parameter() and the daemons leave raw parameters unexpanded.
            (expanded, map) = (source.Value, ExpansionMap.Identity(source.Value.Length, name, Resolve));
        }
        else
        {
            // postconf -x decides the value (without one, there is nothing to read: no need to expand it again).
            var postconf = service is null ? Expand(name) : null;
            if (service is null && postconf is null)
            {
                return null;
            }

            var recorder = new ExpansionRecorder();
            var result = ExpanderOf(service).Expand(source.Value, recorder);
            map = ExpansionMap.FromRecorder(recorder, name, Resolve);
            if (postconf is not null)
            {
                // The recorded expansion only supplies the origins when it agrees.
                map = postconf == result.Value ? map : null;
                expanded = postconf;
            }
            else if (result.Failed)
            {
                return null;
            }
            else
            {
                expanded = result.Value;
            }
        }

        var value = parse(expanded);
        return new TypedValue<T>(parameter, expanded, map is null ? value : attach(map, value)) { Map = map };
    }

    // The main.cf (or postconf output) definition written at `span`: a lookup, not a scan (a config may define 10^5 parameters).
    private ParameterSyntax? MainCfParameterAt(TextSpan span)
    {
        var byStart = LazyInitializer.EnsureInitialized(ref _mainCfParameterAt, () =>
        {
            var map = new Dictionary<int, ParameterSyntax>();
            foreach (var parameter in MainCf!.Parameters)
            {
                map.TryAdd(parameter.Span.Start, parameter);
            }

            return map;
        });
        return byStart.TryGetValue(span.Start, out var syntax) && syntax.Span == span ? syntax : null;
    }

    /// <summary>
    /// The expander over the unexpanded values <paramref name="service"/> sees (its <c>-o</c> overrides, then main.cf,
    /// then the defaults); one per service, kept, so that what passed the expansion limit once is not built again.
    /// </summary>
    internal MacroExpander ExpanderOf(MasterService? service)
    {
        lock (_readExpanders)
        {
            var key = (object?)service ?? _readExpanders;
            if (!_readExpanders.TryGetValue(key, out var expander))
            {
                _readExpanders[key] = expander = new MacroExpander(n => SourceOf(n, service)?.Value);
            }

            return expander;
        }
    }

    internal Dictionary<string, string> BuildMainDictionary()
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var definition in _definitions)
        {
            values[definition.Name] = definition.Value;
        }

        return values;
    }

    /// <summary>
    /// Loads name=value entries as Postfix's <c>dict_load_fp()</c> does: the last definition wins, with a warning
    /// when the value changes; a line Postfix cannot read is fatal and stops the load.
    /// </summary>
    internal static IEnumerable<Diagnostic> LoadDictionary(
        MainCfSyntax syntax,
        string path,
        Dictionary<string, string> values,
        IEnumerable<ParameterDefinition> seed,
        List<ParameterDefinition>? collected = null,
        ProvenanceKind provenanceKind = ProvenanceKind.MainCf)
    {
        foreach (var definition in seed)
        {
            values[definition.Name] = definition.Value;
        }

        var diagnostics = syntax.Diagnostics;
        var nextDiagnostic = 0;
        foreach (var parameter in syntax.Parameters)
        {
            while (nextDiagnostic < diagnostics.Length && diagnostics[nextDiagnostic].Span?.Start < parameter.Span.Start)
            {
                if (ToMessage(syntax.Document.Lines, path, diagnostics[nextDiagnostic++]) is not { } message)
                {
                    continue;
                }

                yield return message;
                if (message.Severity == DiagnosticSeverity.Fatal)
                {
                    yield break;
                }
            }

            if (values.TryGetValue(parameter.Name, out var old) && old != parameter.Value)
            {
                // src/util/dict.c dict_load_fp() via dict_update(): DICT_FLAG_DUP_WARN.
                yield return new Diagnostic(
                    DiagnosticIds.OverridingEarlierEntry,
                    DiagnosticSeverity.Warning,
                    path,
                    parameter.Span,
                    $"{path}, line {parameter.Line}: overriding earlier entry: {parameter.Name}={old}");
            }

            values[parameter.Name] = parameter.Value;
            collected?.Add(new ParameterDefinition(parameter.Name, parameter.Value, new Provenance(provenanceKind, path, parameter.Line, parameter.Span)));
        }

        while (nextDiagnostic < diagnostics.Length)
        {
            if (ToMessage(syntax.Document.Lines, path, diagnostics[nextDiagnostic++]) is not { } message)
            {
                continue;
            }

            yield return message;
            if (message.Severity == DiagnosticSeverity.Fatal)
            {
                yield break;
            }
        }
    }

    private static Diagnostic? ToMessage(LineIndex lines, string path, Diagnostic diagnostic)
    {
        var line = lines.GetPosition(diagnostic.Span?.Start ?? 0).Line;

        // Each message gets the prefix the Postfix code that reports it adds (see DiagnosticIds).
        var text = diagnostic.Id switch
        {
            DiagnosticIds.MissingEquals or DiagnosticIds.MissingName => $"{path}, line {line}: {diagnostic.Message}",
            DiagnosticIds.LeadingWhitespace => $"{path}: {diagnostic.Message}",
            DiagnosticIds.MasterBadFieldCount => $"file {path}: line {line}: {diagnostic.Message}",
            DiagnosticIds.MasterInvalidField => diagnostic.Message,
            DiagnosticIds.MasterBadBraces or DiagnosticIds.MasterBadOverride => $"master.cf: {diagnostic.Message}",

            // PostfixLint's own findings (e.g. text after a NUL byte) are not postconf messages.
            _ => null,
        };
        return text is null ? null : diagnostic with { Path = path, Message = text };
    }

    private static ImmutableArray<MasterService> BuildServices(MasterCfSyntax masterCf, string path)
    {
        var services = ImmutableArray.CreateBuilder<MasterService>(masterCf.Services.Length);
        foreach (var entry in masterCf.Services)
        {
            var overrides = entry.Overrides
                .Select(o => new ParameterDefinition(o.Name, o.Value, new Provenance(ProvenanceKind.MasterCf, path, entry.Line, o.Span)))
                .ToImmutableArray();
            services.Add(new MasterService(entry.Service.Text, entry.Type.Text, entry.Command.Text, entry.Line, overrides) { Syntax = entry });
        }

        return services.ToImmutable();
    }

    private static Dictionary<string, Parameter> BuildExplicit(ImmutableArray<ParameterDefinition> definitions)
    {
        var result = new Dictionary<string, Parameter>(StringComparer.Ordinal);
        foreach (var definition in definitions)
        {
            var overridden = result.TryGetValue(definition.Name, out var previous)
                ? previous.Overridden.Add(new ParameterDefinition(previous.Name, previous.Value, previous.Provenance))
                : [];
            result[definition.Name] = new Parameter(definition.Name, definition.Value, definition.Provenance, ParameterClass.Unknown, overridden);
        }

        return result;
    }
}
