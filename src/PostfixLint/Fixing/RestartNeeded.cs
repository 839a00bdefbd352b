using System.Collections.Immutable;

namespace PostfixLint.Fixing;

/// <summary>
/// The change needs <c>postfix stop</c> and <c>postfix start</c>, not a reload: postconf(5) says so for
/// <c>inet_interfaces</c> and <c>inet_protocols</c> (master opens its listening sockets only when it starts). A plan has
/// it in place of <see cref="Reload"/>: nothing runs it; <c>--apply</c> says to run it when mail can wait.
/// </summary>
/// <param name="Parameters">The changed parameters that need it.</param>
public sealed record RestartNeeded(ImmutableArray<string> Parameters) : PostApplyAction
{
    /// <inheritdoc />
    public override string Describe(string configDirectory) =>
        $"# {string.Join(" and ", Parameters)} changed: a reload keeps the old listening sockets, so no reload; when mail can wait, run:\n"
        + $"postfix -c {Quote(configDirectory)} stop && postfix -c {Quote(configDirectory)} start";
}
