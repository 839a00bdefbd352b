namespace PostfixLint.Analysis;

/// <summary>
/// One check over a loaded configuration. A rule asks the model and the simulator and reports through the context;
/// it never reads files, runs processes or re-implements what the simulator decides.
/// </summary>
internal abstract class Rule
{
    /// <summary>The rule's id, name, severity and category.</summary>
    public abstract RuleDescriptor Descriptor { get; }

    /// <summary>Looks at the configuration and reports what it finds.</summary>
    public abstract void Check(RuleContext context);
}
