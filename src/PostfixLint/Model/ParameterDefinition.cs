namespace PostfixLint.Model;

/// <summary>One definition of a parameter, as written: a duplicate in main.cf is a second definition.</summary>
/// <param name="Name">The parameter name.</param>
/// <param name="Value">The logical value as Postfix reads it, unexpanded.</param>
/// <param name="Provenance">Where it was written.</param>
public sealed record ParameterDefinition(string Name, string Value, Provenance Provenance);
