using System.Collections.Immutable;
using PostfixLint.Analysis.Rules.Maps;
using PostfixLint.Analysis.Rules.Networks;
using PostfixLint.Analysis.Rules.Relay;
using PostfixLint.Analysis.Rules.Restrictions;
using PostfixLint.Analysis.Rules.Syntax;
using PostfixLint.Analysis.Rules.Sasl;
using PostfixLint.Diagnostics;

namespace PostfixLint.Analysis;

/// <summary>
/// The one catalogue of finding ids: what reading the files reports (<see cref="DiagnosticRegistry"/>), the linter's
/// own findings about suppressions, and every rule. Rules are listed here explicitly, one line each, sorted by id.
/// </summary>
public static class RuleRegistry
{
    /// <summary>A suppression comment that silenced nothing (or tried to silence a critical rule).</summary>
    public static RuleDescriptor UnusedSuppression { get; } =
        new("PFL090", "unused-suppression", "A postfix-lint: ignore comment silences nothing", DiagnosticSeverity.Warning, RuleCategory.Syntax);

    /// <summary>A suppression comment without the mandatory <c>-- reason</c>.</summary>
    public static RuleDescriptor SuppressionWithoutReason { get; } =
        new("PFL091", "suppression-without-reason", "A postfix-lint: ignore comment gives no reason", DiagnosticSeverity.Warning, RuleCategory.Syntax);

    /// <summary>A rule that failed on this input: a bug in postfix-lint, reported instead of ending the run.</summary>
    public static RuleDescriptor RuleFailed { get; } =
        new("PFL099", "rule-failed", "A rule could not finish on this configuration", DiagnosticSeverity.Error, RuleCategory.Syntax);

    private static readonly Lazy<ImmutableArray<Rule>> s_rules = new(() =>
    [
        // Syntax and parameters (PFL0xx)
        new CommentAfterValue(),
        new ObsoleteParameter(),
        new RestartOnlyParameter(),
        new LegacyCompatibilityLevel(),

        // Networks (PFL1xx)
        new MynetworksIncludesEveryone(),
        new MynetworksIncludesPublicRange(),
        new MynetworksIncludesUndeclaredPublicRange(),
        new MynetworksBroaderThanPrivateBlock(),
        new MynetworksIncludesWholePrivateBlock(),
        new MynetworksInvalidCidr(),
        new MynetworksUnbracketedIpv6(),
        new MynetworksEntryShadowed(),
        new MynetworksComputedDefault(),
        new MynetworksMissesIpv6Loopback(),
        new PolicyClientNotInMynetworks(),
        new PolicyClientCannotConnect(),
        new MynetworksClientsCannotConnect(),

        // Restrictions (PFL2xx)
        new RelayRestrictionsWithoutGuard(),
        new RestrictionClassRecursion(),
        new PermitAfterRejectUnauthDestination(),
        new RestrictionAfterUnconditionalDecision(),
        new UnknownRestriction(),
        new RestrictionInWrongStage(),
        new SenderLoginCheckAfterPermit(),
        new DeferUnauthDestination(),
        new UndefinedRestrictionClass(),
        new RestrictionArgumentInvalid(),

        // SASL and TLS (PFL3xx)
        new SaslEnabledWithoutPermitSaslAuthenticated(),
        new PermitSaslAuthenticatedWithoutSasl(),
        new BrokenSaslAuthClientsEnabled(),
        new SaslSecurityOptionsAllowAnonymous(),
        new SaslAuthWithoutTlsAuthOnly(),
        new DovecotSaslWithoutPath(),
        new SaslLocalDomainMismatchesLoginMaps(),
        new SubmissionWithoutSaslOrTls(),
        new PublicMxRequiresTls(),

        // Maps (PFL4xx)
        new MapSourceMissing(),
        new MapSourceNotVerifiable(),
        new MapDatabaseMissing(),
        new MapDatabaseStale(),
        new SenderLoginMapsUnused(),
        new LoginMismatchWithoutLoginMaps(),
        new SenderLoginMapOwnerMismatch(),
        new AccessTableValueInvalid(),
        new MapTypeMismatch(),

        // Open relay and policy (PFL5xx)
        new OpenRelay(),
        new OpenRelayExplicitRange(),
        new RelayIntentViolated(),
        new SenderIntentViolated(),
        new RelayDependsOnDns(),
    ]);

    private static readonly Lazy<ImmutableArray<RuleDescriptor>> s_all = new(() =>
    [
        .. DiagnosticRegistry.All.Select(FromRead)
            .Concat([UnusedSuppression, SuppressionWithoutReason, RuleFailed])
            .Concat(s_rules.Value.Select(r => r.Descriptor))
            .OrderBy(d => d.Id, StringComparer.Ordinal),
    ]);

    // A plain dictionary: one run looks up a handful of ids, and freezing ~400 case-insensitive keys costs more than that
    // (about 0.7 million instructions, a tenth of `check`'s own work on the Debian default).
    private static readonly Lazy<Dictionary<string, RuleDescriptor>> s_byKey = new(() =>
    {
        var byKey = new Dictionary<string, RuleDescriptor>(2 * s_all.Value.Length, StringComparer.OrdinalIgnoreCase);
        foreach (var descriptor in s_all.Value)
        {
            byKey[descriptor.Id] = descriptor;
            byKey[descriptor.Name] = descriptor;
        }

        return byKey;
    });

    /// <summary>Every id, sorted.</summary>
    public static ImmutableArray<RuleDescriptor> All => s_all.Value;

    /// <summary>The rule with id or name <paramref name="idOrName"/> (case-insensitive); null when there is none.</summary>
    public static RuleDescriptor? Find(string idOrName)
    {
        ArgumentNullException.ThrowIfNull(idOrName);
        return s_byKey.Value.GetValueOrDefault(idOrName);
    }

    /// <summary>The rule classes, in id order.</summary>
    internal static ImmutableArray<Rule> Rules => s_rules.Value;

    private static RuleDescriptor FromRead(DiagnosticDescriptor descriptor) =>
        new(descriptor.Id, descriptor.Name, descriptor.Title,
            descriptor.DefaultSeverity == DiagnosticSeverity.Fatal ? DiagnosticSeverity.Error : descriptor.DefaultSeverity,
            RuleCategory.Syntax)
        {
            IsReadDiagnostic = true,
        };
}
