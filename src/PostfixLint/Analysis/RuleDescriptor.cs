using PostfixLint.Diagnostics;

namespace PostfixLint.Analysis;

/// <summary>What identifies a rule and how it behaves by default: the data behind <c>postfix-lint rules</c>.</summary>
/// <param name="Id">The stable id, <c>PFL</c> and three digits (never reused).</param>
/// <param name="Name">The kebab-case name of the pattern the rule flags, e.g. <c>mynetworks-includes-everyone</c>.</param>
/// <param name="Title">One line saying what the rule flags.</param>
/// <param name="DefaultSeverity">The severity of its findings unless the configuration file overrides it.</param>
/// <param name="Category">The rule's family.</param>
/// <param name="Fix">Whether its findings come with a fix.</param>
public sealed record RuleDescriptor(
    string Id,
    string Name,
    string Title,
    DiagnosticSeverity DefaultSeverity,
    RuleCategory Category,
    FixAvailability Fix = FixAvailability.None)
{
    /// <summary>True for rules whose findings can be neither suppressed nor downgraded (an open relay).</summary>
    public bool IsCritical { get; init; }

    /// <summary>True when the finding comes from reading the files (the parser or postconf's own checks), not from a rule class.</summary>
    public bool IsReadDiagnostic { get; init; }

    /// <summary>The rule's documentation (markdown): what it does, why it is bad, examples, fix safety, references.</summary>
    public string Documentation => RuleDocs.Get(Id) ?? $"# {Id} {Name}\n\n{Title}.\n";

    /// <summary><c>PFL101 mynetworks-includes-everyone</c>.</summary>
    public override string ToString() => $"{Id} {Name}";
}
