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

    public Listener(PostfixConfig config, MasterService? service, TableSet tables)
    {
        Settings = new ListenerSettings(config, service);
        Classifier = new AddressClassifier(Settings, tables);
        _classes = new Lazy<IReadOnlyDictionary<string, RestrictionClass>>(BuildClasses);
        _startup = new Lazy<(string? Error, ImmutableArray<string> Notes)>(StartupCheck);
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
    public bool HasRelayGuard =>
        HasRequired(Settings.GetList("smtpd_recipient_restrictions"), 0) || HasRequired(Settings.GetList("smtpd_relay_restrictions"), 0);

    /// <summary>has_required(): a scan of the tokens (not of parsed restrictions: a table argument counts too), into classes.</summary>
    private bool HasRequired(ImmutableArray<string> tokens, int depth)
    {
        for (var i = 0; i < tokens.Length; i++)
        {
            if (tokens[i].Equals("warn_if_reject", StringComparison.OrdinalIgnoreCase) && i + 1 < tokens.Length)
            {
                i++;
                continue;
            }

            if (tokens[i].Equals("permit", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            if (s_required.Contains(tokens[i], StringComparer.OrdinalIgnoreCase))
            {
                return true;
            }

            if (depth < 20 && Classes.TryGetValue(tokens[i], out var restrictionClass) && HasRequired(restrictionClass.Tokens, depth + 1))
            {
                return true;
            }
        }

        return false;
    }
}
