using PostfixLint.Model;

namespace PostfixLint.Analysis.Rules;

/// <summary>Where a rule looks for a parameter: main.cf, and every smtpd listener that overrides it with <c>-o</c>.</summary>
internal static class RuleScopes
{
    /// <summary>
    /// Null (main.cf's value, which every listener without an override uses) followed by each smtpd service of
    /// master.cf that sets <paramref name="name"/> with <c>-o</c>, so a finding is reported once per place it is written.
    /// </summary>
    public static IEnumerable<MasterService?> ParameterScopes(RuleContext context, string name)
    {
        yield return null;
        foreach (var listener in context.Listeners)
        {
            if (listener.MasterService is { } service
                && service.Overrides.Any(o => string.Equals(o.Name, name, StringComparison.Ordinal)))
            {
                yield return service;
            }
        }
    }
}
