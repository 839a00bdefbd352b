namespace PostfixLint.Syntax.Grammar;

/// <summary>The shapes <see cref="NetworkElementGrammar"/> tells apart.</summary>
internal enum NetworkElementShape
{
    File,
    Table,
    AddressPattern,
    Address,
    Hostname,
}
