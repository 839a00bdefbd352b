namespace PostfixLint.Model.Postconf;

/// <summary>One entry of postconf's parameter name table: how the name is known and where its default comes from.</summary>
internal sealed class PostconfNode(PostconfNodeFlags flags, Func<string> defaultValue)
{
    /// <summary>The name classes and properties (src/postconf/postconf.h <c>PCF_PARAM_FLAG_*</c>).</summary>
    public PostconfNodeFlags Flags { get; set; } = flags;

    /// <summary>Produces the default value, unexpanded, as <c>postconf -d</c> prints it.</summary>
    public Func<string> DefaultValue { get; } = defaultValue;

    /// <summary>True when postconf lists the name when asked for all parameters.</summary>
    public bool IsListed => (Flags & PostconfNodeFlags.ClassMask) != 0;

    /// <summary>Replaces the name class, keeping the other flags (postconf's <c>PCF_PARAM_CLASS_OVERRIDE</c>).</summary>
    public void OverrideClass(PostconfNodeFlags newClass) =>
        Flags = (Flags & ~PostconfNodeFlags.ClassMask) | newClass;
}
