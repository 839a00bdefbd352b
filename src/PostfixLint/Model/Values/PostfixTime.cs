namespace PostfixLint.Model.Values;

/// <summary>Time parameter values with units s, m, h, d, w, as <c>conv_time()</c> converts them (<c>src/global/conv_time.c</c>).</summary>
internal static class PostfixTime
{
    /// <summary>Converts to seconds; <paramref name="defaultUnit"/> applies when no unit follows the number.</summary>
    /// <remarks>Like Postfix, only the first character after the number is read as the unit: <c>10sx</c> is 10 seconds, <c>10 s</c> is invalid, <c>s</c> alone is 0.</remarks>
    public static bool TryParse(string value, char defaultUnit, out int seconds)
    {
        ArgumentNullException.ThrowIfNull(value);
        seconds = 0;
        var number = CNumber.StrToL(value, 0, out var end, out var overflow);
        if (value.Length == 0 || overflow || number < 0 || number > int.MaxValue)
        {
            return false;
        }

        var unit = end < value.Length ? value[end] : defaultUnit;
        long factor = unit switch
        {
            'w' => 7 * 24 * 3600,
            'd' => 24 * 3600,
            'h' => 3600,
            'm' => 60,
            's' => 1,
            _ => 0,
        };
        if (factor == 0 || (factor > 1 && number >= int.MaxValue / factor))
        {
            return false;
        }

        seconds = (int)(number * factor);
        return true;
    }

    /// <summary>The fatal text a daemon logs for an invalid time value.</summary>
    public static string ErrorText(string name, string value) => $"parameter {name}: bad time value or unit: {value}";
}
