using PostfixLint.Analysis;
using PostfixLint.Analysis.Relay;
using PostfixLint.Cli.Reporting;
using PostfixLint.Diagnostics;
using PostfixLint.Fixing;
using PostfixLint.Model;

namespace PostfixLint.Cli.Commands;

/// <summary>
/// The behaviour diff behind <c>fix</c> (issue 8 §2): a fix declared safe stays safe only when the relay diff of the
/// configuration before and after it changes no class's relay decision against the intent: it may let a client the
/// policy trusts relay, but must not open relaying to anyone else nor close it for a trusted client.
/// </summary>
internal sealed class RelayDiffBehaviour(LintOptions lint) : IBehaviourDiff
{
    /// <inheritdoc />
    public FixSafety DecideSafety(Fix fix, FixSafety declared, PostfixConfig before, Func<PostfixConfig> after)
    {
        if (declared != FixSafety.Safe)
        {
            return declared;
        }

        var diff = RelayDiff.Compare(before, after(), lint.Policy, lint.Relay);
        return diff.Changes.All(IsIntended) ? FixSafety.Safe : FixSafety.Unsafe;
    }

    /// <inheritdoc />
    public string? Describe(PostfixConfig before, PostfixConfig after) =>
        RelayDiffReport.Text(RelayDiff.Compare(before, after, lint.Policy, lint.Relay));

    /// <summary>A change the policy asks for: a trusted client (or login) gains relaying; nothing else may change.</summary>
    private bool IsIntended(RelayDiffChange change)
    {
        if (lint.Policy is not { } policy || !change.OpensRelay)
        {
            return false;
        }

        var client = change.Client.Representative;
        return policy.MayRelay.Any(i => i.Client.Contains(client) && (i.SaslLogin is null || i.SaslLogin == change.SaslLogin))
               && !policy.MustNotRelay.Any(i => i.Client.Contains(client) && !policy.MayRelay.Any(m => m.Client.Contains(client)));
    }
}
