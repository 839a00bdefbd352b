namespace PostfixLint.Fixing;

/// <summary>A fix the plan applies: the finding's rule, the fix's title and safety, and the pass it was applied in.</summary>
/// <param name="RuleId">The rule that declared the fix (<c>PFL111</c>).</param>
/// <param name="Title">The fix's title.</param>
/// <param name="Safety">Its safety as decided for this plan (see <see cref="IBehaviourDiff"/>).</param>
/// <param name="Pass">The pass (1-based) it was applied in.</param>
public sealed record AppliedFix(string RuleId, string Title, PostfixLint.Diagnostics.FixSafety Safety, int Pass);
