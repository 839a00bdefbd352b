namespace PostfixLint.Tests.Support.Golden;

/// <summary>
/// One finding as the golden files show it, independent of the library's diagnostic types (the rules engine
/// adapts its findings to this shape, so the goldens outlive refactors of the diagnostic model).
/// </summary>
/// <param name="Id">The rule id, <c>PFL101</c>.</param>
/// <param name="Message">The message, as the rule states it.</param>
/// <param name="File">The file name shown after <c>--&gt;</c> (<c>main.cf</c>, <c>master.cf</c>, a table name).</param>
/// <param name="Start">Offset of the finding in that file's text (UTF-16 units), or null for a finding on a default.</param>
/// <param name="Length">Length of the underlined text.</param>
/// <param name="FixTitle">The fix's imperative title, or null when the rule offers no fix.</param>
internal sealed record GoldenFinding(string Id, string Message, string File, int? Start, int Length, string? FixTitle);
