using PostfixLint.Diagnostics;
using PostfixLint.Model.Catalog;
using PostfixLint.Syntax;

namespace PostfixLint.Model.Postconf;

/// <summary>What the parts of the postconf emulation share: the configuration, the name table, the name spaces and the messages.</summary>
internal sealed class PostconfState
{
    /// <summary>The file name postconf uses in messages about main.cf.</summary>
    public const string MainCfName = "main.cf";

    /// <summary>The file name postconf uses in messages about master.cf.</summary>
    public const string MasterCfName = "master.cf";

    public PostconfState(PostfixConfig config, bool defaultsOnly)
    {
        Config = config;
        DefaultsOnly = defaultsOnly;
        Catalog = config.Catalog;
        Main = defaultsOnly ? new Dictionary<string, string>(StringComparer.Ordinal) : config.BuildMainDictionary();
    }

    /// <summary>The configuration being emulated.</summary>
    public PostfixConfig Config { get; }

    /// <summary>True for <c>postconf -d</c>: main.cf is not read.</summary>
    public bool DefaultsOnly { get; }

    /// <summary>The names and defaults of this Postfix version.</summary>
    public ParameterCatalog Catalog { get; }

    /// <summary>postconf's name table.</summary>
    public PostconfNameTable Names { get; } = new();

    /// <summary>main.cf as postconf reads it: the last value of each name (empty for <c>-d</c>).</summary>
    public Dictionary<string, string> Main { get; }

    /// <summary>The <c>-o</c> name spaces of master.cf.</summary>
    public MasterScopes Scopes { get; } = new();

    /// <summary>The messages so far.</summary>
    public PostconfMessages Messages { get; } = new();

    /// <summary>True when postconf stopped with a fatal error while setting up.</summary>
    public bool Failed { get; set; }

    /// <summary>
    /// The fatal message when the set-up stopped only at postfix-lint's own expansion limit (a value that doubles
    /// at each step): printing without <c>-x</c> still works then, as postconf <c>-n</c> does not expand values.
    /// </summary>
    public Diagnostic? OwnLimitFatal { get; set; }

    /// <summary>The configuration directory, as postconf prints it in messages.</summary>
    public string ConfigDirectory => Config.ConfigDirectory;

    /// <summary>The file name postconf uses for <paramref name="scopeIndex"/> (null: main.cf).</summary>
    public static string SourceName(int? scopeIndex) => scopeIndex is null ? MainCfName : MasterCfName;

    /// <summary>
    /// Where <paramref name="name"/> is set in main.cf (<paramref name="scopeIndex"/> null) or in the <c>-o</c> of
    /// service <paramref name="scopeIndex"/>: the last definition's file and span (the line, or the <c>-o</c>);
    /// with <paramref name="valueSpan"/> (relative to a main.cf value) the text inside that value.
    /// </summary>
    public (string? Path, TextSpan? Span) Locate(int? scopeIndex, string? name, TextSpan? valueSpan = null)
    {
        if (name is null)
        {
            return (null, null);
        }

        var provenance = scopeIndex is { } index
            ? Config.Services[index].Overrides.LastOrDefault(d => d.Name == name)?.Provenance
            : Config.ExplicitParameters.TryGetValue(name, out var parameter) ? parameter.Provenance : null;
        if (provenance?.File is not { } file)
        {
            return (null, null);
        }

        if (scopeIndex is null && valueSpan is { } inValue && Config.ExplicitParameters.TryGetValue(name, out var explicitParameter)
            && Config.ToSourceSpan(explicitParameter, inValue) is { } mapped)
        {
            return (file, mapped);
        }

        return (file, provenance.Span);
    }
}
