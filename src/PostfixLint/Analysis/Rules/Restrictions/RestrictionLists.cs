using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using PostfixLint.Diagnostics;
using PostfixLint.Model;
using PostfixLint.Model.Values;
using PostfixLint.Simulation;
using PostfixLint.Simulation.Checks;
using PostfixLint.Syntax;

namespace PostfixLint.Analysis.Rules.Restrictions;

/// <summary>The smtpd restriction lists and classes the Restrictions rules walk, per scope (main.cf and each listener's <c>-o</c>).</summary>
internal static class RestrictionLists
{
    /// <summary>The built-in restriction class of smtpd_check_init() (looked up case-sensitively, as user classes).</summary>
    public const string BuiltInClass = "reject_sender_login_mismatch";

    /// <summary>The restriction list parameters smtpd evaluates (<c>src/smtpd/smtpd_check.c</c>, smtpd_check_init()).</summary>
    public static ImmutableArray<string> Parameters { get; } =
    [
        "smtpd_client_restrictions", "smtpd_helo_restrictions", "smtpd_sender_restrictions", "smtpd_relay_restrictions",
        "smtpd_recipient_restrictions", "smtpd_data_restrictions", "smtpd_end_of_data_restrictions", "smtpd_etrn_restrictions",
    ];

    // One run's listeners and lists, shared by the Restrictions rules (eight of them walk every list): computed once.
    private static readonly ConditionalWeakTable<RuleContext, RunCache> s_runs = [];

    /// <summary>
    /// Every restriction list (and, with <paramref name="classes"/>, every restriction class) once per place it is
    /// written: main.cf's value (or the default) and each smtpd listener's <c>-o</c> override of it.
    /// </summary>
    /// <remarks>Computed once per run and <paramref name="classes"/> value; the lists and listeners are shared by the rules.</remarks>
    public static IEnumerable<ScopedList> All(RuleContext context, bool classes = true)
    {
        var run = s_runs.GetValue(context, _ => new RunCache());
        return classes
            ? run.WithClasses ??= [.. Enumerate(context, classes: true)]
            : run.WithoutClasses ??= [.. Enumerate(context, classes: false)];
    }

    private static IEnumerable<ScopedList> Enumerate(RuleContext context, bool classes)
    {
        Listener ListenerOf(MasterService? service) => NewListener(context, service);

        foreach (var name in Parameters)
        {
            foreach (var service in RuleScopes.ParameterScopes(context, name))
            {
                if (context.Config.GetRestrictionList(name, service) is { } typed)
                {
                    yield return new ScopedList(service, name, typed, ListenerOf(service), IsClass: false);
                }
            }
        }

        if (!classes)
        {
            yield break;
        }

        var seen = new HashSet<(MasterService?, string)>();
        foreach (var scope in Scopes(context))
        {
            var listener = ListenerOf(scope);
            foreach (var name in listener.Classes.Keys.Where(n => n != BuiltInClass).Order(StringComparer.Ordinal))
            {
                // A class is written once in main.cf unless a listener overrides it with -o.
                var service = scope is not null && scope.Overrides.Any(o => o.Name == name) ? scope : null;
                if (seen.Add((service, name)) && context.Config.GetRestrictionList(name, service) is { } typed)
                {
                    yield return new ScopedList(service, name, typed, ListenerOf(service), IsClass: true);
                }
            }
        }
    }

    /// <summary>Main.cf (null) and every smtpd listener with at least one <c>-o</c> override.</summary>
    public static IEnumerable<MasterService?> Scopes(RuleContext context)
    {
        yield return null;
        foreach (var listener in context.Listeners)
        {
            if (listener.MasterService is { Overrides.IsEmpty: false } service)
            {
                yield return service;
            }
        }
    }

    /// <summary>The listener smtpd runs for <paramref name="service"/> (main.cf's settings for null), one per run and service.</summary>
    /// <remarks>A listener only caches what it derives from the configuration, so the rules of one run can share it (and its tables).</remarks>
    public static Listener NewListener(RuleContext context, MasterService? service)
    {
        var run = s_runs.GetValue(context, _ => new RunCache());
        if (service is null)
        {
            return run.Main ??= new Listener(context.Config, null, run.Tables(context));
        }

        if (!run.Listeners.TryGetValue(service, out var listener))
        {
            listener = new Listener(context.Config, service, run.Tables(context));
            run.Listeners[service] = listener;
        }

        return listener;
    }

    /// <summary>True when smtpd knows <paramref name="restriction"/> by name (case-insensitive), or it is a <c>type:table</c>.</summary>
    public static bool IsKnown(Restriction restriction) =>
        restriction.IsImplicitAccessCheck || restriction.IsDanglingWarnIfReject || restriction.Name.Contains(':', StringComparison.Ordinal)
        || RestrictionHandlers.Find(restriction.NormalizedName) is not null;

    /// <summary>
    /// True when <paramref name="name"/> is a parameter the admin defined (main.cf or <c>-o</c>) that Postfix itself
    /// does not use: written in a restriction list, it was meant as a restriction class.
    /// </summary>
    public static bool IsUserParameter(ScopedList list, string name) =>
        list.Listener.Settings.IsExplicit(name) && list.Listener.Settings.Config.ClassOf(name) is ParameterClass.Unknown or ParameterClass.UserDefined;

    /// <summary>True for <c>permit</c>, <c>reject</c> or <c>defer</c> without <c>warn_if_reject</c>: generic_checks() stops there for every client.</summary>
    public static bool EndsList(Restriction restriction) =>
        !restriction.WarnIfReject && restriction.NormalizedName is "permit" or "reject" or "defer";

    /// <summary>The document location of <paramref name="span"/> of the list's value, when it is written literally in a file.</summary>
    public static SourceLocation? Literal(ScopedList list, TextSpan span) =>
        list.Typed.Locate(span) is { IsExpanded: false, Location: { } location } ? location : null;

    /// <summary>
    /// The text a fix copies between two restrictions: the list's own separator where it has one, else <c>", "</c>
    /// (a bare <c>,</c> in a master.cf <c>-o</c> value, where a blank would end the argument).
    /// </summary>
    public static string Separator(RuleContext context, ScopedList list)
    {
        // The document text between two neighbouring restrictions: for a multi-line value that is the line break and
        // the indentation of the continuation line, which the expanded value does not keep.
        for (var i = 1; i < list.Items.Length; i++)
        {
            if (Literal(list, list.Items[i - 1].FullSpan) is { } previous && Literal(list, list.Items[i].FullSpan) is { } next
                && previous.Path == next.Path && previous.Span.End < next.Span.Start
                && context.DocumentText(next.Path) is { } text)
            {
                var separator = text[previous.Span.End..next.Span.Start];
                if (!separator.Contains('#', StringComparison.Ordinal))
                {
                    return separator;
                }
            }
        }

        return list.Typed.Parameter.Provenance.Kind == ProvenanceKind.MasterCf ? "," : ", ";
    }

    /// <summary>
    /// A fix that moves <paramref name="item"/> to just before <paramref name="before"/> in the same list, editing the
    /// original text (delete the item with one separator, insert it with the list's separator); null when either is
    /// not written literally in the same document.
    /// </summary>
    public static Fix? Move(RuleContext context, ScopedList list, Restriction item, Restriction before, string title, FixSafety safety)
    {
        if (item.DeletionOrigin is not { IsExpanded: false, Location: { } deletion }
            || Literal(list, item.FullSpan) is not { } itemLocation
            || Literal(list, before.FullSpan) is not { } target
            || deletion.Path != target.Path || itemLocation.Path != target.Path
            || context.DocumentText(target.Path) is not { } text)
        {
            return null;
        }

        var itemText = text.Substring(itemLocation.Span.Start, itemLocation.Span.Length);
        return Fix.Create(title, safety, target.Path,
            TextEdit.Insert(target.Span.Start, itemText + Separator(context, list)),
            TextEdit.Delete(deletion.Span));
    }

    private sealed class RunCache
    {
        private TableSet? _tables;

        public Dictionary<MasterService, Listener> Listeners { get; } = new(ReferenceEqualityComparer.Instance);

        public Listener? Main { get; set; }

        public ScopedList[]? WithClasses { get; set; }

        public ScopedList[]? WithoutClasses { get; set; }

        public TableSet Tables(RuleContext context) =>
            _tables ??= new TableSet(context.Config, context.SimulatorOptions);
    }
}
