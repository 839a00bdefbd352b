using System.Globalization;

namespace PostfixLint.Fuzz;

/// <summary>The CPU time the calling thread has used (Linux: the first field of <c>/proc/thread-self/schedstat</c>, in ns); zero elsewhere.</summary>
internal static class ThreadCpuTime
{
    /// <summary>The calling thread's CPU time so far; <see cref="TimeSpan.Zero"/> where it cannot be read.</summary>
    public static TimeSpan Now()
    {
        try
        {
            var text = File.ReadAllText("/proc/thread-self/schedstat");
            var end = text.IndexOf(' ', StringComparison.Ordinal);
            return long.TryParse(end < 0 ? text : text[..end], NumberStyles.None, CultureInfo.InvariantCulture, out var nanoseconds)
                ? TimeSpan.FromTicks(nanoseconds / 100)
                : TimeSpan.Zero;
        }
        catch (IOException)
        {
            return TimeSpan.Zero;
        }
        catch (UnauthorizedAccessException)
        {
            return TimeSpan.Zero;
        }
    }
}
