using System.Collections.Concurrent;
using System.Collections.Immutable;
using PostfixLint.Model;
using PostfixLint.Model.Values;

namespace PostfixLint.Simulation;

/// <summary>
/// What one smtpd listener brings to every session: its settings, its address classifier, its parsed restriction lists
/// and classes, and its start-up check. None of it depends on the probe, so a simulator builds it once per listener.
/// </summary>
/// <remarks>
/// The caches are bounded by the configuration (one entry per restriction-list parameter, one list per class and
/// calling stage) and are computed lazily in a way that is safe under concurrent readers.
/// </remarks>
internal sealed class Listener
{
    private static readonly string[] s_required =
        ["reject_unauth_destination", "defer_unauth_destination", "reject", "defer", "defer_if_permit", "check_relay_domains"];

    private readonly ConcurrentDictionary<string, TracedList> _lists = new(StringComparer.Ordinal);
    private readonly Lazy<IReadOnlyDictionary<string, RestrictionClass>> _classes;
    private readonly Lazy<(string? Error, ImmutableArray<string> Notes)> _startup;
    private readonly Lazy<(bool Found, string? Cycle)> _relayGuard;

    public Listener(PostfixConfig config, MasterService? service, TableSet tables)
    {
        Settings = new ListenerSettings(config, service);
        Classifier = new AddressClassifier(Settings, tables);
        _classes = new Lazy<IReadOnlyDictionary<string, RestrictionClass>>(BuildClasses);
        _startup = new Lazy<(string? Error, ImmutableArray<string> Notes)>(StartupCheck);
        _relayGuard = new Lazy<(bool Found, string? Cycle)>(ScanRelayGuard);
    }

    public ListenerSettings Settings { get; }

    public AddressClassifier Classifier { get; }

    /// <summary>The restriction classes smtpd knows on this listener, by (case-sensitive) name.</summary>
    public IReadOnlyDictionary<string, RestrictionClass> Classes => _classes.Value;

    /// <summary>smtpd_check_init()'s verdict: the fatal error that stops smtpd at start-up (or null), and notes explaining it.</summary>
    public (string? Error, ImmutableArray<string> Notes) Startup => _startup.Value;

    /// <summary>The restriction list in parameter <paramref name="parameter"/>, parsed and located once.</summary>
    public TracedList List(string parameter) =>
        _lists.TryGetValue(parameter, out var list)
            ? list
            : _lists.GetOrAdd(parameter, p => TraceSources.List(Settings, p, RestrictionList.Parse(Settings.Get(p), p)));

    private Dictionary<string, RestrictionClass> BuildClasses()
    {
        var classes = new Dictionary<string, RestrictionClass>(StringComparer.Ordinal);
        foreach (var name in Settings.GetList("smtpd_restriction_classes"))
        {
            classes[name] = new RestrictionClass(name, Settings.Get(name), Settings.Origin(name), r => TraceSources.List(Settings, name, r));
        }

        // smtpd_check_init(): the built-in class.
        const string builtIn = "reject_sender_login_mismatch";
        classes[builtIn] = new RestrictionClass(
            builtIn,
            "reject_authenticated_sender_login_mismatch reject_unauthenticated_sender_login_mismatch",
            "built-in restriction class",
            r => TraceSources.Unlocated(builtIn, r, TraceSources.BuiltIn));
        return classes;
    }

    /// <summary>smtpd_check_init(): what makes smtpd exit at start-up, before the greeting.</summary>
    private (string? Error, ImmutableArray<string> Notes) StartupCheck()
    {
        foreach (var element in PostfixList.Split(Settings.Get("smtpd_restriction_classes")))
        {
            if (Settings.Get(element.Text).Length == 0)
            {
                return ($"restriction class `{element.Text}' needs a definition", []);
            }
        }

        if (StartupCycle is { } cycle)
        {
            return ($"restriction class cycle {cycle}: smtpd's start-up check (has_required()) recurses without end, smtpd is killed by signal 11 and master logs \"bad command startup -- throttling\"",
                ["smtpd dies at every connection; clients get no greeting"]);
        }

        if (HasRelayGuard)
        {
            return (null, []);
        }

        var notes = ImmutableArray.CreateBuilder<string>();
        notes.Add(Settings.Describe("smtpd_relay_restrictions"));
        notes.Add(Settings.Describe("smtpd_recipient_restrictions"));
        if (!Settings.IsExplicit("smtpd_relay_restrictions") && !Settings.IsExplicit("compatibility_level"))
        {
            notes.Add("compatibility_level is unset (0): smtpd_relay_restrictions defaults to empty, so nothing protects against open relaying and smtpd refuses to start");
        }

        notes.Add("smtpd exits at every connection; clients get no greeting");
        return ("in parameter smtpd_relay_restrictions or smtpd_recipient_restrictions, specify at least one working instance of: "
                + "reject_unauth_destination, defer_unauth_destination, reject, defer, defer_if_permit or check_relay_domains", notes.ToImmutable());
    }

    /// <summary>
    /// smtpd_check_init()'s relay check alone: smtpd_recipient_restrictions or smtpd_relay_restrictions has a working
    /// reject_unauth_destination, defer_unauth_destination, reject, defer, defer_if_permit or check_relay_domains.
    /// </summary>
    public bool HasRelayGuard => RelayGuard.Found;

    /// <summary>The restriction class cycle has_required() runs into at start-up (smtpd dies of it), or null.</summary>
    public string? StartupCycle => RelayGuard.Cycle;

    private (bool Found, string? Cycle) RelayGuard => _relayGuard.Value;

    private (bool Found, string? Cycle) ScanRelayGuard()
    {
        var memo = new Dictionary<string, bool>(StringComparer.Ordinal);
        var recipient = HasRequired(Settings.GetList("smtpd_recipient_restrictions"), memo);
        return recipient.Found || recipient.Cycle is not null ? recipient : HasRequired(Settings.GetList("smtpd_relay_restrictions"), memo);
    }

    /// <summary>has_required(): a scan of the tokens (not of parsed restrictions: a table argument counts too), into classes.</summary>
    /// <remarks>
    /// smtpd recurses into a class with no depth limit, so a class it meets while already inside it recurses until the
    /// process dies. This walk keeps its own stack (any depth) and remembers classes already scanned without a find
    /// (has_required() is deterministic), so a class graph that fans out stays linear.
    /// </remarks>
    private (bool Found, string? Cycle) HasRequired(ImmutableArray<string> root, Dictionary<string, bool> memo)
    {
        var stack = new List<(string? Name, ImmutableArray<string> Tokens, int Index)> { (null, root, 0) };
        while (stack.Count > 0)
        {
            var (name, tokens, i) = stack[^1];
            if (i >= tokens.Length || tokens[i].Equals("permit", StringComparison.OrdinalIgnoreCase))
            {
                // The end of the list, or "permit": not found here; the caller goes on with its next token.
                stack.RemoveAt(stack.Count - 1);
                if (name is not null)
                {
                    memo[name] = false;
                }

                if (stack.Count > 0)
                {
                    stack[^1] = stack[^1] with { Index = stack[^1].Index + 1 };
                }

                continue;
            }

            var token = tokens[i];
            if (token.Equals("warn_if_reject", StringComparison.OrdinalIgnoreCase) && i + 1 < tokens.Length)
            {
                stack[^1] = (name, tokens, i + 2);
                continue;
            }

            if (s_required.Contains(token, StringComparer.OrdinalIgnoreCase))
            {
                return (true, null);
            }

            if (Classes.TryGetValue(token, out var restrictionClass) && !memo.ContainsKey(token))
            {
                if (stack.Any(frame => frame.Name == token))
                {
                    var path = stack.Where(frame => frame.Name is not null).Select(frame => frame.Name!).SkipWhile(n => n != token).Append(token);
                    return (false, string.Join(" -> ", path));
                }

                stack.Add((token, restrictionClass.Tokens, 0));
                continue;
            }

            stack[^1] = (name, tokens, i + 1);
        }

        return (false, null);
    }
}
