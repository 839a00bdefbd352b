using PostfixLint.Diagnostics;
using PostfixLint.Model;

namespace PostfixLint.Fixing;

/// <summary>
/// The seam for the relay behaviour diff (issue 8 §2, <c>RelayDiff</c>): it decides whether a fix is safe (no policy
/// class's relay decision moves away from the policy) and says what a plan changes, for <c>fix --diff</c>.
/// </summary>
/// <remarks>
/// Without one, <see cref="FixApplier"/> uses each fix's declared <see cref="Fix.Safety"/> and the plan carries no
/// behaviour diff. The configurations handed in read edited files from a temporary overlay that is deleted when
/// <see cref="FixApplier.Plan"/> returns: finish with them inside the call.
/// </remarks>
public interface IBehaviourDiff
{
    /// <summary>The safety of applying <paramref name="fix"/> (declared <paramref name="declared"/>) to <paramref name="before"/>.</summary>
    /// <param name="fix">The fix.</param>
    /// <param name="declared">The safety the rule declared (after <paramref name="fix"/> was found).</param>
    /// <param name="before">The configuration the fix edits.</param>
    /// <param name="after">Loads the configuration with only this fix applied (on demand: it costs a re-parse).</param>
    FixSafety DecideSafety(Fix fix, FixSafety declared, PostfixConfig before, Func<PostfixConfig> after);

    /// <summary>What changes between <paramref name="before"/> and <paramref name="after"/> (the whole plan), as text; null for nothing to say.</summary>
    string? Describe(PostfixConfig before, PostfixConfig after);
}
