namespace PostfixLint.Model;

/// <summary>
/// The bounds that keep hostile or broken input from exhausting time, memory or the stack. Each sits far above any
/// real configuration (the largest real main.cf files are a few hundred KiB, lines a few KiB, maps nested 2–3 deep);
/// input over a bound gets a clear message instead of a crash.
/// </summary>
internal static class InputLimits
{
    /// <summary>The largest file read (main.cf, master.cf, a table source, a list file, passwd, postconf output): 256 MiB.</summary>
    public const long MaxFileBytes = 256L << 20;

    /// <summary>How deep maps may nest (<c>unionmap:{pipemap:{proxy:…}}</c>) before the inner ones are not opened: 100.</summary>
    public const int MaxMapNesting = 100;

    /// <summary>The longest text one macro expansion may build: 4 Mi characters (8 MiB).</summary>
    /// <remarks>postconf has no bound; a chain of 26 parameters that each name the previous one twice needs gigabytes.</remarks>
    public const int MaxExpansionLength = 4 << 20;

    /// <summary>The most <c>$name</c> and <c>${…}</c> calls one expansion may make: 1 Mi.</summary>
    /// <remarks>Bounds the time of a doubling chain whose values are empty, which builds no text at all.</remarks>
    public const int MaxExpansionSteps = 1 << 20;
}
