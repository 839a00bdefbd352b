namespace PostfixLint.Model.Values;

/// <summary>Integer parameter values as daemons convert them (<c>src/global/mail_conf_int.c</c>).</summary>
internal static class PostfixInteger
{
    /// <summary>strtol base 10 over the whole text (leading white space and a sign allowed), within the range of a C int.</summary>
    public static bool TryParse(string value, out int result)
    {
        ArgumentNullException.ThrowIfNull(value);
        var number = CNumber.StrToL(value, 0, out var end, out var overflow);
        result = 0;
        if (value.Length == 0 || end != value.Length || overflow || number < int.MinValue || number > int.MaxValue)
        {
            return false;
        }

        result = (int)number;
        return true;
    }

    /// <summary>The fatal text a daemon logs for an invalid integer.</summary>
    public static string ErrorText(string name, string value) => $"bad numerical configuration: {name} = {value}";
}
