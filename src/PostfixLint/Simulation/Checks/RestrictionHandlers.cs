using System.Collections.Frozen;

namespace PostfixLint.Simulation.Checks;

/// <summary>The dispatcher: every restriction smtpd knows by name, mapped to the handler of its family.</summary>
internal static class RestrictionHandlers
{
    private static readonly FrozenDictionary<string, RestrictionHandler> s_handlers = Build();

    /// <summary>The handler for the lower-case restriction <paramref name="name"/>, or null for a class or an unknown name.</summary>
    public static RestrictionHandler? Find(string name) => s_handlers.GetValueOrDefault(name);

    /// <summary>Every restriction name smtpd knows (lower case), for "did you mean" suggestions.</summary>
    public static IEnumerable<string> Names => s_handlers.Keys;

    private static FrozenDictionary<string, RestrictionHandler> Build()
    {
        var handlers = new Dictionary<string, RestrictionHandler>(StringComparer.Ordinal);
        GenericRestrictions.Register(handlers);
        ClientRestrictions.Register(handlers);
        HeloRestrictions.Register(handlers);
        AddressRestrictions.Register(handlers);
        SaslRestrictions.Register(handlers);
        RelayRestrictions.Register(handlers);
        AccessRestrictions.Register(handlers);
        ExternalRestrictions.Register(handlers);
        return handlers.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
