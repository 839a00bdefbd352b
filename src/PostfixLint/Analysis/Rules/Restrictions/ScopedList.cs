using System.Collections.Immutable;
using PostfixLint.Model;
using PostfixLint.Model.Values;
using PostfixLint.Simulation;

namespace PostfixLint.Analysis.Rules.Restrictions;

/// <summary>One restriction list as one scope (main.cf, or a listener's <c>-o</c>) writes it, with the listener it runs on.</summary>
/// <param name="Service">The master.cf service whose <c>-o</c> writes the list; null for main.cf (or a default).</param>
/// <param name="Name">The parameter: an <c>smtpd_*_restrictions</c> list or a restriction class.</param>
/// <param name="Typed">The parsed list, each restriction located in its source.</param>
/// <param name="Listener">The listener's settings, restriction classes and start-up check.</param>
/// <param name="IsClass">True for a restriction class from <c>smtpd_restriction_classes</c>.</param>
internal sealed record ScopedList(MasterService? Service, string Name, TypedValue<ImmutableArray<Restriction>> Typed, Listener Listener, bool IsClass)
{
    /// <summary>The restrictions.</summary>
    public ImmutableArray<Restriction> Items => Typed.Value;

    /// <summary>True when the value is Postfix's default (nothing written), so findings carry no position.</summary>
    public bool IsDefault => Typed.Parameter.Provenance.Kind is ProvenanceKind.Default or ProvenanceKind.HostComputed;

    /// <summary>The list's name for a message, with "(the default value)" when nothing was written.</summary>
    public string Label => IsDefault ? $"{Name} (the default value)" : Name;
}
