using System.Collections.Immutable;

namespace PostfixLint.Model.Values;

/// <summary>Parses smtpd restriction lists positionally, as <c>generic_checks()</c> in <c>src/smtpd/smtpd_check.c</c> walks them.</summary>
internal static class RestrictionList
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

    // DNSxL restrictions: consume the next token when there is one; otherwise "requires domain name argument".
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
        ArgumentNullException.ThrowIfNull(listName);
        return Parse(value, DefaultAccessCheck(listName), ReplyClass(listName));
    }

    /// <summary>
    /// Parses a restriction list in the context smtpd evaluates it in: a restriction class or an access-table result
    /// inherits the default access check and reply class of the list that invoked it.
    /// </summary>
    /// <param name="value">The list text.</param>
    /// <param name="defaultAccessCheck">The <c>check_*_access</c> a bare <c>type:table</c> stands for, or null where there is none.</param>
    /// <param name="replyClass">The reply class smtpd names in its "specify one of" warning, e.g. <c>Data command</c>.</param>
    public static ImmutableArray<Restriction> Parse(string value, string? defaultAccessCheck, string replyClass)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(replyClass);
        var tokens = PostfixList.Split(value);
        var result = ImmutableArray.CreateBuilder<Restriction>(tokens.Length);
        ListElement? warnPrefix = null;
        for (var i = 0; i < tokens.Length; i++)
        {
            var token = tokens[i];
            if (token.Text.Equals("warn_if_reject", StringComparison.OrdinalIgnoreCase))
            {
                warnPrefix = token;
                continue;
            }

            var restriction = ParseOne(tokens, ref i, defaultAccessCheck, replyClass);
            restriction = restriction with
            {
                SeparatorBefore = (warnPrefix ?? token).SeparatorBefore,
                SeparatorAfter = (restriction.Argument ?? token).SeparatorAfter,
            };
            if (warnPrefix is { } prefix)
            {
                restriction = restriction with { WarnIfRejectPrefix = prefix };
                warnPrefix = null;
            }

            result.Add(restriction);
        }

        if (warnPrefix is { } dangling)
        {
            result.Add(new Restriction(dangling.Text, dangling.Span, null)
            {
                IsDanglingWarnIfReject = true,
                SeparatorBefore = dangling.SeparatorBefore,
                SeparatorAfter = dangling.SeparatorAfter,
            });
        }

        return result.ToImmutable();
    }

    /// <summary>The restriction at <paramref name="i"/>, advancing <paramref name="i"/> past the argument it consumes.</summary>
    private static Restriction ParseOne(ImmutableArray<ListElement> tokens, ref int i, string? defaultAccessCheck, string replyClass)
    {
        var token = tokens[i];
        ListElement? next = i + 1 < tokens.Length ? tokens[i + 1] : null;
        if (token.Text.Contains(':', StringComparison.Ordinal))
        {
            // generic_checks(): "type:table" is shorthand for the list's default check_*_access.
            return defaultAccessCheck is null
                ? new Restriction(token.Text, token.Span, null)
                {
                    Problem = new RestrictionProblem(
                        RestrictionProblemKind.TableWithoutAccessCheck,
                        $"specify one of (check_client_access, check_reverse_client_hostname_access, check_helo_access, check_sender_access, check_recipient_access, check_etrn_access) before {replyClass} restriction \"{token.Text}\""),
                }
                : new Restriction(defaultAccessCheck, token.Span, token) { IsImplicitAccessCheck = true };
        }

        if (s_mapCommands.TryGetValue(token.Text, out var canonical))
        {
            // is_map_command(): the next token is consumed whether or not it is a table.
            if (next is not null)
            {
                i++;
            }

            return new Restriction(token.Text, token.Span, next)
            {
                Problem = next is null || !next.Value.Text.Contains(':', StringComparison.Ordinal)
                    ? new RestrictionProblem(RestrictionProblemKind.BadTableArgument, $"restriction {canonical}: bad argument \"{next?.Text ?? token.Text}\": need maptype:mapname")
                    : null,
            };
        }

        if (s_domainCommands.Contains(token.Text))
        {
            if (next is not null)
            {
                i++;
            }

            return new Restriction(token.Text, token.Span, next)
            {
                Problem = next is null
                    ? new RestrictionProblem(RestrictionProblemKind.MissingDomainArgument, $"restriction {token.Text} requires domain name argument")
                    : null,
            };
        }

        if (token.Text.Equals("check_policy_service", StringComparison.OrdinalIgnoreCase))
        {
            return Optional(token, next, next is { } n && n.Text.Contains(':', StringComparison.Ordinal), ref i,
                RestrictionProblemKind.MissingPolicyServer, "restriction check_policy_service must be followed by transport:server");
        }

        if (token.Text.Equals("sleep", StringComparison.OrdinalIgnoreCase))
        {
            return Optional(token, next, next is { } n && CNumber.AllDigits(n.Text), ref i,
                RestrictionProblemKind.MissingSleepSeconds, "restriction sleep must be followed by number");
        }

        return new Restriction(token.Text, token.Span, null);
    }

    /// <summary>A restriction that consumes the next token only when it fits; otherwise smtpd fails there with <paramref name="warning"/>.</summary>
    private static Restriction Optional(ListElement token, ListElement? next, bool fits, ref int i, RestrictionProblemKind kind, string warning)
    {
        if (fits)
        {
            i++;
            return new Restriction(token.Text, token.Span, next);
        }

        return new Restriction(token.Text, token.Span, null) { Problem = new RestrictionProblem(kind, warning) };
    }

    /// <summary>The DNS allow/block list restrictions (<c>reject_rbl_client</c>, <c>permit_dnswl_client</c>, ...), which take a domain argument.</summary>
    public static ImmutableHashSet<string> DnsxlRestrictions => s_domainCommands;

    private static string ReplyClass(string listName) => listName switch
    {
        "smtpd_data_restrictions" => "Data command",
        "smtpd_end_of_data_restrictions" => "End-of-data",
        _ => listName,
    };
}
