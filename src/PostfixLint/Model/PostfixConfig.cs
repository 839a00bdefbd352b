using System.Collections.Immutable;

namespace PostfixLint.Model;

/// <summary>The effective configuration of one Postfix instance: main.cf and master.cf over Postfix's defaults.</summary>
public sealed partial class PostfixConfig
{
    /// <summary>Reads <c>main.cf</c> and <c>master.cf</c> from <paramref name="configDirectory"/>.</summary>
    /// <remarks>Never throws for bad content; problems are in <see cref="Messages"/>.</remarks>
    public static PostfixConfig Load(string configDirectory, ConfigLoadOptions? options = null) =>
        throw new NotSupportedException("pending: model loader");

    /// <summary>Reads the output of <c>postconf</c>, <c>postconf -n</c>, <c>-d</c> or <c>-x</c>.</summary>
    public static PostfixConfig FromPostconfOutput(string text, string sourceName, ConfigLoadOptions? options = null) =>
        throw new NotSupportedException("pending: postconf output reader");

    /// <summary>Warnings and fatal errors found while reading, worded as postconf words them.</summary>
    public ImmutableArray<ConfigMessage> Messages { get; private init; } = [];
}
