using System.Collections.Frozen;

namespace PostfixLint.Model.Postconf;

/// <summary>
/// The parameter suffixes of Postfix's database clients (ldap, mysql, pgsql, sqlite, memcache), as Postfix 3.7's
/// postconf knows them: names its build extracts from <c>src/global/dict_*.c</c> (<c>src/postconf/extract_cfg.sh</c>),
/// plus <c>domain</c> for all and the legacy SQL query names for the SQL ones.
/// </summary>
/// <remarks>
/// postconf uses them twice (<c>src/postconf/postconf_dbms.c</c>): a legacy table name <c>mysql:foo</c> makes
/// <c>foo_&lt;suffix&gt;</c> valid in main.cf, and an absolute client file <c>mysql:/etc/postfix/x.cf</c> is read and
/// every other name in it reported unused.
/// </remarks>
internal static class DatabaseClientParameters
{
    private static readonly FrozenDictionary<string, FrozenSet<string>> s_suffixes = new Dictionary<string, FrozenSet<string>>
    {
        ["ldap"] = Set(
            "bind bind_dn bind_pw cache cache_expiry cache_size chase_referrals debuglevel dereference domain "
            + "expansion_limit leaf_result_attribute query_filter recursion_limit result_attribute result_filter "
            + "result_format sasl_authz_id sasl_mechs sasl_minssf sasl_realm scope search_base server_host "
            + "server_port size_limit special_result_attribute start_tls terminal_result_attribute timeout "
            + "tls_ca_cert_dir tls_ca_cert_file tls_cert tls_cipher_suite tls_key tls_random_file "
            + "tls_require_cert version"),
        ["memcache"] = Set(
            "backup data_size_limit domain flags key_format line_size_limit max_try memcache retry_pause timeout ttl"),
        ["mysql"] = Set(
            "additional_conditions dbname domain expansion_limit hosts option_file option_group password query "
            + "require_result_set result_format select_field table tls_CAfile tls_CApath tls_cert_file tls_ciphers "
            + "tls_key_file tls_verify_cert user where_field"),
        ["pgsql"] = Set(
            "additional_conditions dbname domain expansion_limit hosts password query result_format select_field "
            + "select_function table user where_field"),
        ["sqlite"] = Set(
            "additional_conditions dbpath domain expansion_limit query result_format select_field table where_field"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The client parameter names of <paramref name="databaseType"/>, or null when it is not a database client.</summary>
    public static FrozenSet<string>? For(string databaseType) =>
        s_suffixes.TryGetValue(databaseType, out var set) ? set : null;

    private static FrozenSet<string> Set(string words) =>
        words.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal);
}
