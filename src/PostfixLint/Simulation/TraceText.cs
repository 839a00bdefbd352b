namespace PostfixLint.Simulation;

/// <summary>Values quoted in trace notes and explanations, cut to a bounded length.</summary>
/// <remarks>
/// The rules run the simulator once per probe, and each note quoting a parameter value, list element or table
/// name would otherwise copy the whole of it: a 131 KB <c>mynetworks</c> element cost hundreds of MiB. Values
/// up to <see cref="MaxLength"/> characters are quoted unchanged; longer ones are cut there and end in "…".
/// </remarks>
internal static class TraceText
{
    /// <summary>The longest value quoted whole (far above any real parameter value or table name).</summary>
    public const int MaxLength = 4096;

    /// <summary>The value itself, or its first <see cref="MaxLength"/> characters and an ellipsis.</summary>
    public static string Clip(string value) => value.Length <= MaxLength ? value : string.Concat(value.AsSpan(0, MaxLength), "…");

    /// <summary>As <see cref="Clip(string)"/>, keeping null.</summary>
    public static string? ClipOrNull(string? value) => value is null ? null : Clip(value);
}
