using PostfixLint.Diagnostics;
using PostfixLint.Model.Values;

namespace PostfixLint.Analysis.Rules.Restrictions;

/// <summary>
/// PFL206: with <c>smtpd_delay_reject = no</c>, a restriction in an earlier stage's list that needs what the client
/// sends only later (the HELO name, the sender, the recipient), so smtpd skips it every time.
/// </summary>
/// <remarks>
/// With smtpd_delay_reject = yes (the default) smtpd_check_rcpt() evaluates the client, HELO and sender lists at RCPT
/// TO, when everything is known, so no placement is wrong. With "no", smtpd_check_client() runs at connect,
/// smtpd_check_helo() at HELO and smtpd_check_mail() at MAIL FROM, and generic_checks() (<c>src/smtpd/smtpd_check.c</c>)
/// guards each restriction below with <c>if (state-&gt;helo_name)</c>, <c>if (state-&gt;sender ...)</c> or
/// <c>if (state-&gt;recipient ...)</c>: without that input it does nothing.
/// </remarks>
internal sealed class RestrictionInWrongStage : Rule
{
    private static readonly HashSet<string> s_needHelo = new(StringComparer.Ordinal)
    {
        "check_helo_access", "check_helo_ns_access", "check_helo_mx_access", "check_helo_a_access",
        "reject_invalid_helo_hostname", "reject_invalid_hostname", "reject_unknown_helo_hostname", "reject_unknown_hostname",
        "reject_non_fqdn_helo_hostname", "reject_non_fqdn_hostname", "reject_rhsbl_helo",
    };

    private static readonly HashSet<string> s_needSender = new(StringComparer.Ordinal)
    {
        "check_sender_access", "check_sender_ns_access", "check_sender_mx_access", "check_sender_a_access",
        "reject_unknown_address", "reject_unknown_sender_domain", "reject_unverified_sender", "reject_non_fqdn_sender",
        "reject_authenticated_sender_login_mismatch", "reject_known_sender_login_mismatch", "reject_unauthenticated_sender_login_mismatch",
        "reject_sender_login_mismatch", "reject_rhsbl_sender", "reject_unlisted_sender",
    };

    private static readonly HashSet<string> s_needRecipient = new(StringComparer.Ordinal)
    {
        "check_recipient_access", "check_recipient_ns_access", "check_recipient_mx_access", "check_recipient_a_access",
        "permit_mx_backup", "permit_auth_destination", "reject_unauth_destination", "defer_unauth_destination", "check_relay_domains",
        "reject_unknown_recipient_domain", "reject_non_fqdn_recipient", "reject_rhsbl_recipient", "check_recipient_maps",
        "reject_unlisted_recipient", "reject_unverified_recipient",
    };

    /// <summary>The rule's descriptor.</summary>
    public static RuleDescriptor Meta { get; } = new(
        "PFL206", "restriction-in-wrong-stage", "A restriction sits in a stage where it cannot act",
        DiagnosticSeverity.Warning, RuleCategory.Restrictions, FixAvailability.None);

    /// <inheritdoc />
    public override RuleDescriptor Descriptor => Meta;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        var reported = new HashSet<(string?, int)>();
        foreach (var scope in RestrictionLists.Scopes(context))
        {
            var listener = RestrictionLists.NewListener(context, scope);
            if (listener.Settings.GetBool("smtpd_delay_reject"))
            {
                continue;
            }

            foreach (var name in new[] { "smtpd_client_restrictions", "smtpd_helo_restrictions", "smtpd_sender_restrictions" })
            {
                if (context.Config.GetRestrictionList(name, scope) is not { } typed)
                {
                    continue;
                }

                var list = new ScopedList(scope, name, typed, listener, IsClass: false);
                foreach (var item in list.Items)
                {
                    var location = item.Origin?.Location;
                    if (Missing(name, item) is { } missing && (reported.Add((location?.Path, location?.Span.Start ?? -1)) || location is null))
                    {
                        var on = scope is null ? "" : $" on listener {scope.Name}";
                        context.Report(Meta,
                            $"`{item.Name}` in {list.Label} never acts{on}: with smtpd_delay_reject = no ({context.Where("smtpd_delay_reject", scope)}) "
                            + $"{name} is evaluated {When(name)}, before the client sends {missing}, so smtpd skips it",
                            item.Origin, help: $"move `{item.Name}` to {Stage(missing)}, or leave smtpd_delay_reject at its default (yes)");
                    }

                    if (RestrictionLists.EndsList(item))
                    {
                        break;
                    }
                }
            }
        }
    }

    /// <summary>What <paramref name="item"/> needs that is not known yet when list <paramref name="name"/> runs; null when nothing.</summary>
    private static string? Missing(string name, Restriction item)
    {
        var restriction = item.NormalizedName;
        return name switch
        {
            "smtpd_client_restrictions" when s_needHelo.Contains(restriction) => "the HELO name",
            "smtpd_client_restrictions" or "smtpd_helo_restrictions" when s_needSender.Contains(restriction) => "the sender",
            _ when s_needRecipient.Contains(restriction) => "the recipient",
            _ => null,
        };
    }

    private static string When(string name) => name switch
    {
        "smtpd_client_restrictions" => "when the client connects",
        "smtpd_helo_restrictions" => "at HELO/EHLO",
        _ => "at MAIL FROM",
    };

    private static string Stage(string missing) => missing switch
    {
        "the HELO name" => "smtpd_helo_restrictions",
        "the sender" => "smtpd_sender_restrictions",
        _ => "smtpd_recipient_restrictions",
    };
}
