using PostfixLint.Analysis;
using PostfixLint.Analysis.Relay;
using PostfixLint.Cli.Reporting;
using PostfixLint.Diagnostics;
using PostfixLint.Fixing;
using PostfixLint.Model;

namespace PostfixLint.Cli.Commands;

/// <summary>
/// The behaviour diff behind <c>fix</c> (issue 8 §2): a fix declared safe stays safe only when the relay diff of the
/// configuration before and after it moves no class's relay decision away from the intent: it may let a client the
/// policy trusts relay, but must not open relaying to anyone else nor close it for a trusted client. Fixes declared
/// unsafe or display-only keep that safety.
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

    /// <summary>
    /// A change that keeps to the intent: relaying opens only for a client (or login) the policy trusts, and closes
    /// for none of them. Without a policy no class may gain relaying.
    /// </summary>
    private bool IsIntended(RelayDiffChange change)
    {
        var client = change.Client.Representative;
        var trusted = lint.Policy is { } policy
                      && policy.MayRelay.Any(i => i.Client.Contains(client) && (i.SaslLogin is null || i.SaslLogin == change.SaslLogin));
        return change.OpensRelay ? trusted : !(change.ClosesRelay && trusted);
    }
}
