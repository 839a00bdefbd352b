using System.Collections.Immutable;

namespace PostfixLint.Model;

/// <summary>A parameter setting no Postfix program uses: postconf reports it as an unused parameter.</summary>
/// <param name="Definition">The setting, with where it is written (main.cf, or a master.cf <c>-o</c> override).</param>
/// <param name="Suggestions">Known parameter names the setting may have meant, best first ("did you mean").</param>
public sealed record UnknownParameter(ParameterDefinition Definition, ImmutableArray<string> Suggestions);
