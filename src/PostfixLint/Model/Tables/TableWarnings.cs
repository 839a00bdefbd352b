namespace PostfixLint.Model.Tables;

/// <summary>Warnings a table logs during a lookup (as Postfix's dict code calls msg_warn()), collected per simulated session.</summary>
/// <remarks>
/// Tables are shared across probes and lookups return only a result, so a warning goes to the collector the current
/// thread opened with <see cref="Collect"/>; outside one it is dropped. Bounded: a session keeps each text once.
/// </remarks>
internal static class TableWarnings
{
    [ThreadStatic]
    private static List<string>? s_sink;

    /// <summary>Collects warnings on this thread into <paramref name="sink"/> until the returned scope is disposed.</summary>
    public static IDisposable Collect(List<string> sink)
    {
        var previous = s_sink;
        s_sink = sink;
        return new Scope(previous);
    }

    /// <summary>Logs <paramref name="message"/> to the current collector, once.</summary>
    public static void Report(string message)
    {
        if (s_sink is { } sink && !sink.Contains(message))
        {
            sink.Add(message);
        }
    }

    private sealed class Scope(List<string>? previous) : IDisposable
    {
        public void Dispose() => s_sink = previous;
    }
}
