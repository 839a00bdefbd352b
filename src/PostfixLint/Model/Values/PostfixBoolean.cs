namespace PostfixLint.Model.Values;

/// <summary>Boolean parameter values as daemons convert them (<c>src/global/mail_conf_bool.c</c>).</summary>
internal static class PostfixBoolean
{
    /// <summary>Accepts <c>yes</c> or <c>no</c> in any case; anything else is invalid.</summary>
    public static bool TryParse(string value, out bool result)
    {
        ArgumentNullException.ThrowIfNull(value);
        result = value.Equals("yes", StringComparison.OrdinalIgnoreCase);
        return result || value.Equals("no", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The fatal text a daemon logs for an invalid boolean.</summary>
    public static string ErrorText(string name, string value) => $"bad boolean configuration: {name} = {value}";
}
