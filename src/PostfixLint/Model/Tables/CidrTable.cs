using System.Collections.Immutable;
using System.Net;
using System.Net.Sockets;
using PostfixLint.Model.Values;
using PostfixLint.Syntax.Tables;

namespace PostfixLint.Model.Tables;

/// <summary>A <c>cidr:</c> table (<c>src/util/dict_cidr.c</c>, <c>cidr_match.c</c>): the first matching rule wins, <c>if</c>/<c>endif</c> nest.</summary>
internal sealed class CidrTable : ILookupTable
{
    private readonly ImmutableArray<Rule> _rules;
    private readonly string _source;

    /// <summary>Builds the table from a parsed source.</summary>
    public CidrTable(string spec, string source, LookupTableSyntax syntax)
    {
        ArgumentNullException.ThrowIfNull(syntax);
        Spec = spec;
        _source = source;
        var rules = ImmutableArray.CreateBuilder<Rule>();
        var stack = new Stack<int>();
        foreach (var entry in syntax.Entries)
        {
            if (entry.Kind == TableEntryKind.Skipped)
            {
                continue;
            }

            if (entry.Kind == TableEntryKind.EndIf)
            {
                var open = stack.Pop();
                rules[open] = rules[open] with { BlockEnd = rules.Count };
                rules.Add(new Rule(RuleKind.EndIf, default, false, string.Empty, entry.Line, -1));
                continue;
            }

            NetworkList.ParseCidr(entry.Key, out var network);
            var kind = entry.Kind == TableEntryKind.If ? RuleKind.If : RuleKind.Match;
            if (kind == RuleKind.If)
            {
                stack.Push(rules.Count);
            }

            rules.Add(new Rule(kind, network, entry.Negated, entry.Value, entry.Line, -1));
        }

        _rules = rules.ToImmutable();
    }

    /// <inheritdoc />
    public string Spec { get; }

    /// <inheritdoc />
    public bool IsFixedKey => false;

    /// <inheritdoc />
    public TableContents Contents => TableContents.Known;

    /// <inheritdoc />
    public string? UnavailableReason => null;

    /// <inheritdoc />
    public TableLookup Lookup(string key)
    {
        ArgumentNullException.ThrowIfNull(key);

        // cidr_match_execute(): the key's family is IPv6 when it has a ':'; it must parse with inet_pton().
        var family = key.Contains(':', StringComparison.Ordinal) ? AddressFamily.InterNetworkV6 : AddressFamily.InterNetwork;
        if (NetworkList.ParseCidr(key, out var single) is not null || single.BaseAddress.AddressFamily != family
            || key.Contains('/', StringComparison.Ordinal) || key.StartsWith('['))
        {
            return TableLookup.NotFound;
        }

        var address = single.BaseAddress;
        for (var i = 0; i < _rules.Length; i++)
        {
            var rule = _rules[i];
            switch (rule.Kind)
            {
                case RuleKind.Match:
                    if (rule.Network.BaseAddress.AddressFamily == family && rule.Network.Contains(address) != rule.Negated)
                    {
                        return TableLookup.Found(rule.Value, _source, rule.Line);
                    }

                    break;
                case RuleKind.If:
                    if (rule.Network.BaseAddress.AddressFamily == family && rule.Network.Contains(address) != rule.Negated)
                    {
                        continue;
                    }

                    // An IF without ENDIF has no block end: the search stops with "not found".
                    if (rule.BlockEnd < 0)
                    {
                        return TableLookup.NotFound;
                    }

                    i = rule.BlockEnd;
                    break;
            }
        }

        return TableLookup.NotFound;
    }

    private enum RuleKind
    {
        Match,
        If,
        EndIf,
    }

    private sealed record Rule(RuleKind Kind, IPNetwork Network, bool Negated, string Value, int Line, int BlockEnd);
}
