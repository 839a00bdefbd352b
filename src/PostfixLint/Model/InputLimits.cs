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

    /// <summary>The longest value <c>show -x</c> expands a parameter to: 64 MiB characters.</summary>
    /// <remarks>postconf has no bound but needs memory for the whole text; a doubling chain of 26 parameters needs gigabytes.</remarks>
    public const int MaxExpansionLength = 64 << 20;
}
