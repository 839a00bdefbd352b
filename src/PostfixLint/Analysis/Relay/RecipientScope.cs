using PostfixLint.Model;
using PostfixLint.Simulation;

namespace PostfixLint.Analysis.Relay;

/// <summary>Asks the simulator's address resolution whether this server is responsible for an address (local, virtual, relay) on one listener.</summary>
/// <remarks>
/// The one place this engine reaches into the simulator's internals: the address classes are smtpd's
/// (<c>resolve_local()</c>, trivial-rewrite), and re-deciding them here would be a second, diverging semantics.
/// </remarks>
internal sealed class RecipientScope
{
    private readonly AddressClassifier _classifier;

    public RecipientScope(PostfixConfig config, SmtpdListener listener, SimulatorOptions options)
    {
        _classifier = new AddressClassifier(new ListenerSettings(config, listener.MasterService), new TableSet(config, options));
    }

    /// <summary>The address class smtpd gives <paramref name="address"/>, or null when it cannot be known (a table whose contents are unknown).</summary>
    public AddressClass? ClassOf(string address)
    {
        var resolved = _classifier.Resolve(address);
        return resolved.Unknown is not null || resolved.Failure is not null ? null : resolved.Class;
    }
}
