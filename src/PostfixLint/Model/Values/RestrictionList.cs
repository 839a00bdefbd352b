using System.Collections.Immutable;

namespace PostfixLint.Model.Values;

/// <summary>Parses smtpd restriction lists positionally, as <c>generic_checks()</c> in <c>src/smtpd/smtpd_check.c</c> walks them.</summary>
public static class RestrictionList
{
    // is_map_command() users: the next token is consumed whether or not it is a table.
    private static readonly ImmutableHashSet<string> s_mapCommands = ImmutableHashSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "check_client_access", "check_reverse_client_hostname_access", "check_ccert_access", "check_sasl_access",
        "check_client_ns_access", "check_client_mx_access", "check_client_a_access",
        "check_reverse_client_hostname_ns_access", "check_reverse_client_hostname_mx_access", "check_reverse_client_hostname_a_access",
        "check_helo_access", "check_helo_ns_access", "check_helo_mx_access", "check_helo_a_access",
        "check_sender_access", "check_sender_ns_access", "check_sender_mx_access", "check_sender_a_access",
        "check_recipient_access", "check_recipient_ns_access", "check_recipient_mx_access", "check_recipient_a_access",
        "check_etrn_access", "check_address_map");

    // Consume the next token when there is one; otherwise "requires domain name argument".
    private static readonly ImmutableHashSet<string> s_domainCommands = ImmutableHashSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "reject_rbl_client", "reject_rbl", "permit_dnswl_client", "reject_rhsbl_client", "permit_rhswl_client",
        "reject_rhsbl_reverse_client", "reject_rhsbl_helo", "reject_rhsbl_sender", "reject_rhsbl_recipient");

    /// <summary>The restriction a bare <c>type:table</c> stands for in a list, or null where there is none (data, end-of-data).</summary>
    public static string? DefaultAccessCheck(string listName) => listName switch
    {
        "smtpd_client_restrictions" => "check_client_access",
        "smtpd_helo_restrictions" => "check_helo_access",
        "smtpd_sender_restrictions" => "check_sender_access",
        "smtpd_recipient_restrictions" or "smtpd_relay_restrictions" => "check_recipient_access",
        "smtpd_etrn_restrictions" => "check_etrn_access",
        _ => null,
    };

    /// <summary>Parses an (already expanded) restriction list value.</summary>
    /// <param name="value">The list text.</param>
    /// <param name="listName">The parameter name, which decides what a bare <c>type:table</c> means.</param>
    public static ImmutableArray<Restriction> Parse(string value, string listName)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(listName);
        var tokens = PostfixList.Split(value);
        var result = ImmutableArray.CreateBuilder<Restriction>();
        ListElement? warnPrefix = null;
        for (var i = 0; i < tokens.Length; i++)
        {
            var token = tokens[i];
            if (token.Text.Equals("warn_if_reject", StringComparison.OrdinalIgnoreCase))
            {
                warnPrefix = token;
                continue;
            }

            ListElement? Next() => i + 1 < tokens.Length ? tokens[i + 1] : null;
            Restriction restriction;
            if (token.Text.Contains(':', StringComparison.Ordinal))
            {
                // generic_checks(): "type:table" is shorthand for the list's default check_*_access.
                var def = DefaultAccessCheck(listName);
                restriction = new Restriction(def ?? token.Text, token.Span, def == null ? null : token)
                {
                    IsImplicitAccessCheck = def != null,
                    Problem = def == null
                        ? $"specify one of (check_client_access, check_reverse_client_hostname_access, check_helo_access, check_sender_access, check_recipient_access, check_etrn_access) before {ReplyClass(listName)} restriction \"{token.Text}\""
                        : null,
                };
            }
            else if (s_mapCommands.Contains(token.Text))
            {
                var next = Next();
                if (next is { } argument)
                {
                    i++;
                }

                var canonical = s_mapCommands.TryGetValue(token.Text, out var c) ? c : token.Text;
                restriction = new Restriction(token.Text, token.Span, next)
                {
                    Problem = next is null || !next.Value.Text.Contains(':', StringComparison.Ordinal)
                        ? $"restriction {canonical}: bad argument \"{next?.Text ?? token.Text}\": need maptype:mapname"
                        : null,
                };
            }
            else if (s_domainCommands.Contains(token.Text))
            {
                var next = Next();
                if (next != null)
                {
                    i++;
                }

                restriction = new Restriction(token.Text, token.Span, next)
                {
                    Problem = next == null ? $"restriction {token.Text} requires domain name argument" : null,
                };
            }
            else if (token.Text.Equals("check_policy_service", StringComparison.OrdinalIgnoreCase))
            {
                var next = Next();
                var ok = next != null && next.Value.Text.Contains(':', StringComparison.Ordinal);
                if (ok)
                {
                    i++;
                }

                restriction = new Restriction(token.Text, token.Span, ok ? next : null)
                {
                    Problem = ok ? null : "restriction check_policy_service must be followed by transport:server",
                };
            }
            else if (token.Text.Equals("sleep", StringComparison.OrdinalIgnoreCase))
            {
                var next = Next();
                var ok = next != null && CNumber.AllDigits(next.Value.Text);
                if (ok)
                {
                    i++;
                }

                restriction = new Restriction(token.Text, token.Span, ok ? next : null)
                {
                    Problem = ok ? null : "restriction sleep must be followed by number",
                };
            }
            else
            {
                restriction = new Restriction(token.Text, token.Span, null);
            }

            restriction = restriction with
            {
                SeparatorBefore = (warnPrefix ?? token).SeparatorBefore,
                SeparatorAfter = (restriction.Argument ?? token).SeparatorAfter,
            };
            if (warnPrefix is { } prefix)
            {
                restriction = restriction with { WarnIfReject = true, WarnIfRejectSpan = prefix.Span };
                warnPrefix = null;
            }

            result.Add(restriction);
        }

        return result.ToImmutable();
    }

    private static string ReplyClass(string listName) => listName switch
    {
        "smtpd_data_restrictions" => "Data command",
        "smtpd_end_of_data_restrictions" => "End-of-data",
        _ => listName,
    };
}
