using PostfixLint.Syntax;
using PostfixLint.Syntax.Grammar;

namespace PostfixLint.Model.Values;

/// <summary>A lookup table reference <c>type:name</c>, e.g. <c>hash:/etc/postfix/access</c> or <c>inline:{ a=b }</c>.</summary>
/// <param name="Type">The table type before the first colon (<c>hash</c>, <c>cidr</c>, <c>inline</c>, ...).</param>
/// <param name="Name">Everything after the first colon (a path, or a <c>{...}</c> body for brace forms).</param>
/// <param name="Span">The span of the whole reference relative to the parsed text.</param>
public sealed record MapReference(string Type, string Name, TextSpan Span)
{
    /// <summary>True when the name is written in braces (<c>inline:{...}</c>, <c>static:{...}</c>, <c>pipemap:{...}</c>, ...).</summary>
    public bool IsBraced => Name.StartsWith('{') && Name.EndsWith('}');

    /// <summary>Where the reference's text comes from; null when the value was not read through the model.</summary>
    public ValueOrigin? Origin { get; init; }

    /// <summary>The text inside the braces of a braced name, white space trimmed; the name itself otherwise.</summary>
    public string Body => IsBraced ? Name[1..^1].Trim(' ', '\t', '\r', '\n') : Name;

    /// <summary>Parses <c>type:name</c> (the split is at the first colon, as <c>dict_open()</c> does); null when there is no colon, or the type or name is empty.</summary>
    public static MapReference? Parse(string text, int offset = 0)
    {
        ArgumentNullException.ThrowIfNull(text);
        var syntax = MapReferenceGrammar.TryParse(text);
        return syntax is null ? null : new MapReference(syntax.Type, syntax.Name, new TextSpan(offset, text.Length));
    }

    /// <summary>The <see cref="Type"/> <see cref="Parse"/> gives <paramref name="text"/>, read without parsing the name; null where it gives null.</summary>
    internal static string? TypeOf(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && colon < text.Length - 1 ? text[..colon] : null;
    }

    /// <summary>The <see cref="Body"/> of a braced reference, taken from <paramref name="text"/> in one copy; null when <see cref="Parse"/> gives no braced reference.</summary>
    /// <remarks>Walking a map nested d deep copies each level's text once here, not twice (name, then body).</remarks>
    internal static string? BracedBodyOf(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var name = colon > 0 ? text.AsSpan(colon + 1) : default;
        return name.Length >= 2 && name[0] == '{' && name[^1] == '}' ? name[1..^1].Trim(" \t\r\n").ToString() : null;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Type}:{Name}";
}
