using System.Collections.Immutable;
using System.Text.RegularExpressions;
using PostfixLint.Syntax.Tables;

namespace PostfixLint.Model.Tables;

/// <summary>A <c>regexp:</c> or <c>pcre:</c> table: the first matching rule wins, <c>if</c>/<c>endif</c> nest, <c>$n</c> is substituted.</summary>
/// <remarks>
/// Patterns run on .NET's engine through <see cref="RegexTranslator"/>, which documents the remaining differences
/// from glibc's POSIX matcher and PCRE2. Keys are not case folded (smtpd opens these tables without
/// <c>DICT_FLAG_FOLD_MUL</c>); the patterns are case-insensitive unless the <c>i</c> flag turns that off.
/// </remarks>
internal sealed class RegexpTable : ILookupTable
{
    private readonly ImmutableArray<Rule> _rules;
    private readonly string _source;

    /// <summary>Builds the table from a parsed regexp or pcre source.</summary>
    public RegexpTable(string spec, string source, LookupTableSyntax syntax)
    {
        ArgumentNullException.ThrowIfNull(syntax);
        Spec = spec;
        _source = source;
        var pcre = syntax.Format == TableSourceFormat.Pcre;
        var rules = ImmutableArray.CreateBuilder<Rule>();
        var stack = new Stack<int>();
        foreach (var entry in syntax.Entries)
        {
            switch (entry.Kind)
            {
                case TableEntryKind.EndIf:
                    var open = stack.Pop();
                    rules[open] = rules[open] with { BlockEnd = rules.Count };
                    rules.Add(new Rule(RuleKind.EndIf, null, true, null, true, null, entry.Line, -1));
                    break;
                case TableEntryKind.If:
                    stack.Push(rules.Count);
                    rules.Add(new Rule(
                        RuleKind.If, Compile(entry.Pattern!, pcre), entry.Pattern!.Matches, null, true, null, entry.Line, -1));
                    break;
                case TableEntryKind.Entry:
                    var second = entry.SecondPattern;
                    rules.Add(new Rule(
                        RuleKind.Match, Compile(entry.Pattern!, pcre), entry.Pattern!.Matches,
                        second is null ? null : Compile(second, pcre), second?.Matches ?? true,
                        Replacement.Prescan(entry.Value, pcre ? "pcre" : "regexp"), entry.Line, -1));
                    break;
            }
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
        for (var i = 0; i < _rules.Length; i++)
        {
            var rule = _rules[i];
            switch (rule.Kind)
            {
                case RuleKind.Match:
                    var match = rule.Regex!.Match(key);
                    if (match.Success != rule.Matches)
                    {
                        continue;
                    }

                    if (rule.Second is not null && rule.Second.IsMatch(key) != rule.SecondMatches)
                    {
                        continue;
                    }

                    return TableLookup.Found(rule.Replacement!.Expand(match), _source, rule.Line);
                case RuleKind.If:
                    if (rule.Regex!.IsMatch(key) == rule.Matches)
                    {
                        continue;
                    }

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

    private static Regex Compile(RegexpPatternSyntax pattern, bool pcre) =>
        RegexTranslator.TryCompile(pattern.Body, pattern.Flags, pcre, out _)!;

    private enum RuleKind
    {
        Match,
        If,
        EndIf,
    }

    private sealed record Rule(
        RuleKind Kind, Regex? Regex, bool Matches, Regex? Second, bool SecondMatches, Replacement? Replacement, int Line, int BlockEnd);
}
