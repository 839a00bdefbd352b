namespace PostfixLint.Analysis;

/// <summary>Whether a rule's findings come with a fix.</summary>
public enum FixAvailability
{
    /// <summary>The rule never offers a fix.</summary>
    None,

    /// <summary>Some findings have a fix, others need a decision only the admin can make.</summary>
    Sometimes,

    /// <summary>Every finding has a fix.</summary>
    Always,
}
