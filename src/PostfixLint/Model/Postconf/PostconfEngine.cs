using PostfixLint.Diagnostics;
using PostfixLint.Model.Catalog;

namespace PostfixLint.Model.Postconf;

/// <summary>
/// Reproduces what the <c>postconf</c> command of Postfix 3.7 does with a configuration: which names it knows,
/// which values it prints, and which warnings it gives (src/postconf/postconf.c <c>main()</c>).
/// </summary>
/// <remarks>
/// The order of steps matters and follows postconf: built-in names, then service-defined names from master.cf
/// (<see cref="PostconfNameTable"/>), then user-defined names found by scanning values
/// (<see cref="UserParameterScanner"/>, <see cref="DatabaseClientScanner"/>), then printing
/// (<see cref="ParameterPrinter"/>, <see cref="ServicePrinter"/>), then "unused" warnings
/// (<see cref="UnusedParameters"/>). postconf walks main.cf in hash order; this walks it in file order, which
/// changes only the order of warnings, never their set. The name table is complete once <see cref="Create"/>
/// returns; printing and expanding share the message list and fill lazy defaults, so they hold a lock.
/// </remarks>
internal sealed class PostconfEngine
{
    private readonly PostconfState _state;
    private readonly PostconfValues _values;
    private readonly UnusedParameters _unused;
    private readonly ParameterPrinter _printer;
    private readonly ServicePrinter _servicePrinter;

    // Printing and expanding reuse the message list and fill lazy caches; one caller at a time.
    private readonly Lock _gate = new();

    private PostconfEngine(PostfixConfig config, bool defaultsOnly)
    {
        _state = new PostconfState(config, defaultsOnly);
        _values = new PostconfValues(_state);
        _unused = new UnusedParameters(_state);
        _printer = new ParameterPrinter(_state, _values, _unused);
        _servicePrinter = new ServicePrinter(_state, _unused);
    }

    /// <summary>Messages in the order postconf gives them, up to and including a fatal one.</summary>
    public IReadOnlyList<Diagnostic> Messages => _state.Messages.Items;

    /// <summary>True when postconf stopped with a fatal error before it could print.</summary>
    public bool Failed => _state.Failed;

    /// <summary>The fatal message when the set-up stopped only at postfix-lint's own expansion limit.</summary>
    public Diagnostic? OwnLimitFatal => _state.OwnLimitFatal;

    /// <summary>Builds the name table for normal operation (<paramref name="defaultsOnly"/> false) or for <c>-d</c>.</summary>
    public static PostconfEngine Create(PostfixConfig config, bool defaultsOnly)
    {
        var engine = new PostconfEngine(config, defaultsOnly);
        var state = engine._state;
        try
        {
            state.Names.RegisterBuiltIns(state.Catalog, engine._values.BuiltInDefault);
            state.Names.RegisterServices(state.Catalog, config.Services);
            if (!defaultsOnly)
            {
                new UserParameterScanner(state, engine._values).RegisterUserParameters();
            }
        }
        catch (PostconfFatalException fatal)
        {
            state.Failed = true;
            state.OwnLimitFatal = null;
            if (!fatal.AlreadyReported)
            {
                state.Messages.Fatal(fatal.Id, fatal.Message);
            }
        }

        if (!state.Failed && state.OwnLimitFatal is { } limit)
        {
            // The answer for check, simulate and -x stays the limit's fatal message; see ParameterPrinter.Print.
            state.Failed = true;
            state.Messages.Add(limit);
        }

        state.Messages.EndSetup();
        return engine;
    }

    /// <summary>Prints like <c>postconf</c> with the options of <paramref name="query"/>.</summary>
    public PostconfOutput Print(PostconfQuery query)
    {
        lock (_gate)
        {
            // Printing may add expansion warnings; start each print from the messages of the set-up.
            _state.Messages.ResetToSetup();
            return _printer.Print(query);
        }
    }

    /// <summary>
    /// Prints master.cf like <c>postconf -M</c> (entries) or <c>postconf -P</c> (the <c>-o</c> parameters), for the
    /// <c>service[/type]</c> or <c>service/type/parameter</c> patterns in <paramref name="patterns"/> (<c>*</c> matches
    /// anything); then warns about unmatched patterns and unused master.cf parameters (src/postconf/postconf_master.c).
    /// </summary>
    public PostconfOutput PrintServices(bool parameters, IReadOnlyList<string> patterns)
    {
        lock (_gate)
        {
            _state.Messages.ResetToSetup();
            return _servicePrinter.Print(parameters, patterns);
        }
    }

    /// <summary>The value <c>postconf -x</c> prints for <paramref name="name"/>, or null when it has none.</summary>
    public string? ExpandedValue(string name)
    {
        lock (_gate)
        {
            var known = _state.Names.TryGet(name, out var node);
            if (!known && !_state.Main.ContainsKey(name))
            {
                return null;
            }

            var value = _values.Lookup(name, null);
            if (value is null || (known && (node.Flags & PostconfNodeFlags.Raw) != 0))
            {
                return value;
            }

            try
            {
                return _values.Expand(value, null);
            }
            catch (PostconfFatalException)
            {
                return null;
            }
        }
    }

    /// <summary>The name class of <paramref name="name"/> as postconf sees it.</summary>
    public ParameterClass ClassOf(string name) => _state.Names.ClassOf(name);

    /// <summary>The default of <paramref name="name"/>, unexpanded, or null when postconf does not know the name.</summary>
    public string? DefaultOf(string name)
    {
        lock (_gate)
        {
            return _state.Names.TryGet(name, out var node) ? node.DefaultValue() : null;
        }
    }

    /// <summary>The definitions postconf reports as unused, in file order (main.cf first, then master.cf).</summary>
    public IEnumerable<ParameterDefinition> UnusedDefinitions() => _unused.Definitions();
}
