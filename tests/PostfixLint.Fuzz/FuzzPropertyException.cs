namespace PostfixLint.Fuzz;

/// <summary>A property of a fuzz target failed for an input (not a crash, but as much a bug).</summary>
internal sealed class FuzzPropertyException(string message) : Exception(message);
