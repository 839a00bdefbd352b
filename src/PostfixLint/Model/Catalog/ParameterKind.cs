namespace PostfixLint.Model.Catalog;

/// <summary>The value type of a built-in Postfix parameter, after the postconf table that defines it.</summary>
/// <remarks>
/// Derived from the tables postconf's build generates from the C sources (src/postconf/extract.awk over
/// src/*/*.c: CONFIG_BOOL_TABLE, CONFIG_INT_TABLE, ...), not guessed from the default's shape.
/// </remarks>
public enum ParameterKind
{
    /// <summary>Not a built-in parameter of this catalogue (user-defined, service-defined or misspelled).</summary>
    Unknown,

    /// <summary><c>yes</c>/<c>no</c> (CONFIG_BOOL_TABLE).</summary>
    Boolean,

    /// <summary>A boolean whose default is an expression, e.g. depending on compatibility_level (CONFIG_NBOOL_TABLE).</summary>
    BooleanExpression,

    /// <summary>A C <c>int</c> (CONFIG_INT_TABLE).</summary>
    Integer,

    /// <summary>An integer whose default is an expression such as <c>$default_process_limit</c> (CONFIG_NINT_TABLE).</summary>
    IntegerExpression,

    /// <summary>A C <c>long</c>, e.g. message_size_limit (CONFIG_LONG_TABLE).</summary>
    Long,

    /// <summary>A time value with an optional unit suffix s/m/h/d/w (CONFIG_TIME_TABLE).</summary>
    Time,

    /// <summary>A string, expanded with <c>$name</c> when read (CONFIG_STR_TABLE).</summary>
    String,

    /// <summary>A string whose default is computed on the running machine: myhostname, mydomain, mynetworks (CONFIG_STR_FN_TABLE).</summary>
    ComputedString,

    /// <summary>A string that is not <c>$name</c>-expanded when read, nor by <c>postconf -x</c> (CONFIG_RAW_TABLE).</summary>
    Raw,

    /// <summary>A read-only value set by the running program: process_name, process_id, service_name.</summary>
    ReadOnly,
}
