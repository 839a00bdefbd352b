namespace PostfixLint.Model.Postconf;

/// <summary>postconf's parameter name flags (src/postconf/postconf.h).</summary>
[Flags]
internal enum PostconfNodeFlags
{
    None = 0,
    Raw = 1 << 0,
    BuiltIn = 1 << 1,
    Service = 1 << 2,
    User = 1 << 3,
    Legacy = 1 << 4,
    ReadOnly = 1 << 5,
    Database = 1 << 6,

    /// <summary>The classes listed by <c>postconf</c> without names (<c>PCF_PARAM_MASK_CLASS</c>).</summary>
    ClassMask = BuiltIn | Service | User,
}
