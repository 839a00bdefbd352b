using System.Collections.Immutable;

namespace PostfixLint.IntegrationTests.Instance;

/// <summary>An smtpd listener of a private instance: the scenario's master.cf service it stands for, its loopback port and its <c>-o</c> overrides.</summary>
/// <param name="Service">The service name probes use (<c>smtp</c>, <c>submission</c>, ...): the scenario's field 1 without a host part.</param>
/// <param name="Port">The loopback port the instance listens on for it.</param>
/// <param name="Overrides">The <c>-o</c> overrides written to the instance's master.cf, in order.</param>
public sealed record InstanceListener(string Service, int Port, ImmutableArray<KeyValuePair<string, string>> Overrides);
