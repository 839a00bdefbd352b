using PostfixLint.Diagnostics;
using PostfixLint.Model;
using PostfixLint.Model.Tables;
using PostfixLint.Simulation;

namespace PostfixLint.Analysis.Rules.Sasl;

/// <summary>
/// PFL307: <c>smtpd_sasl_local_domain</c> makes Cyrus SASL report logins as <c>user@realm</c>, while
/// <c>smtpd_sender_login_maps</c> names owners without a realm, so no owner ever equals a login.
/// </summary>
/// <remarks>Map contents as such (missing or duplicate keys, wrong owners) belong to the map rules (PFL4xx); this rule is about the realm only.</remarks>
internal sealed class SaslLocalDomainMismatchesLoginMaps : Rule
{
    private const string Realm = "smtpd_sasl_local_domain";
    private const string Maps = "smtpd_sender_login_maps";
    private const int Shown = 3;

    /// <summary>The rule's descriptor.</summary>
    public static RuleDescriptor Meta { get; } = new(
        "PFL307", "sasl-local-domain-mismatches-login-maps", "The SASL realm makes logins differ from the owners in smtpd_sender_login_maps",
        DiagnosticSeverity.Warning, RuleCategory.SaslTls);

    /// <inheritdoc />
    public override RuleDescriptor Descriptor => Meta;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        TableSet? tables = null;
        var reported = new HashSet<SourceLocation>();
        foreach (var listener in context.Listeners)
        {
            var service = listener.MasterService;
            var settings = context.SettingsOf(service);
            var realm = settings.Get(Realm);
            // xsasl_cyrus_server.c passes the realm to sasl_server_new() as user_realm; Cyrus then canonicalizes a login
            // without '@' to login@realm, the name smtpd compares with the map's owners. The Dovecot client ignores it.
            if (!SaslListenerFacts.SaslEnabled(settings) || realm.Length == 0
                || !settings.Get("smtpd_sasl_type").Equals("cyrus", StringComparison.OrdinalIgnoreCase)
                || context.LocateParameter(Realm, service) is not { } at || reported.Contains(at)
                || context.Config.GetMapReferences(Maps, service) is not { } maps)
            {
                continue;
            }

            tables ??= new TableSet(context.Config, context.SimulatorOptions);
            var bare = new List<string>();
            var count = 0;
            foreach (var map in maps.Value)
            {
                foreach (var (owner, where) in Owners(tables.Open(map.ToString())))
                {
                    if (owner.Contains('@', StringComparison.Ordinal))
                    {
                        continue;
                    }

                    count++;
                    if (bare.Count < Shown)
                    {
                        bare.Add($"`{owner}` ({where})");
                    }
                }
            }

            if (count == 0)
            {
                continue;
            }

            reported.Add(at);
            var more = count > bare.Count ? $" and {count - bare.Count} more" : "";
            context.Report(Meta,
                $"{Realm} = {realm} ({context.Where(Realm, service)}) makes Cyrus SASL report logins as `name@{realm}` on listener `{listener.Service}`, but {Maps} names owners without a realm: {string.Join(", ", bare)}{more}; reject_*_sender_login_mismatch refuses those users' senders",
                at, help: $"write the owners as `name@{realm}` in the map, or leave {Realm} empty");
        }
    }

    /// <summary>Every owner the table lists, with <c>file:line</c>; only tables whose entries can be listed (indexed sources).</summary>
    private static IEnumerable<(string Owner, string Where)> Owners(ILookupTable table)
    {
        switch (table)
        {
            case ProxyTable proxy:
                foreach (var owner in Owners(proxy.Inner))
                {
                    yield return owner;
                }

                break;
            case CompositeTable composite:
                foreach (var inner in composite.Tables)
                {
                    foreach (var owner in Owners(inner))
                    {
                        yield return owner;
                    }
                }

                break;
            case IndexedTable indexed:
                foreach (var (key, value, line) in indexed.GetEntries().OrderBy(e => e.Line))
                {
                    var source = indexed.Lookup(key).Source;
                    var where = source is null ? table.Spec : $"{Path.GetFileName(source)}:{line}";
                    // smtpd_check.c: the owners are split with mystrtok(CHARS_COMMA_SP).
                    foreach (var owner in value.Split([',', ' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries))
                    {
                        yield return (owner, where);
                    }
                }

                break;
        }
    }
}
