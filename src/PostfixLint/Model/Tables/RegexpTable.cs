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
    private readonly bool _pcre;

    /// <summary>Builds the table from a parsed regexp or pcre source.</summary>
    public RegexpTable(string spec, string source, LookupTableSyntax syntax)
    {
        ArgumentNullException.ThrowIfNull(syntax);
        Spec = spec;
        _source = source;
        var pcre = syntax.Format == TableSourceFormat.Pcre;
        _pcre = pcre;
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
                    var match = Run(rule, rule.Regex!, key);
                    if (match is null || match.Success != rule.Matches)
                    {
                        continue;
                    }

                    if (rule.Second is not null && (Run(rule, rule.Second, key) is not { } second || second.Success != rule.SecondMatches))
                    {
                        continue;
                    }

                    return TableLookup.Found(rule.Replacement!.Expand(match), _source, rule.Line);
                case RuleKind.If:
                    if (Run(rule, rule.Regex!, key) is { } condition && condition.Success == rule.Matches)
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

    /// <summary>One bounded match; null when it ran away (the rule is then skipped, and a warning is logged).</summary>
    /// <remarks>
    /// dict_pcre.c: a match that hits PCRE2's match limit logs "pcre map NAME, line N: match limit exceeded" and the
    /// rule is skipped whatever its negation (an <c>if</c> skips its block). glibc's regexec() never runs away, so a
    /// <c>regexp:</c> pattern that times out here is re-run on the non-backtracking engine, which gives the same
    /// answer in linear time; only a pattern that engine cannot run (back-references) is skipped with a warning.
    /// </remarks>
    private Match? Run(Rule rule, Regex regex, string key)
    {
        try
        {
            return regex.Match(key);
        }
        catch (RegexMatchTimeoutException)
        {
        }

        if (!_pcre && RegexTranslator.TryNonBacktracking(regex) is { } linear)
        {
            return linear.Match(key);
        }

        TableWarnings.Report(_pcre
            ? $"pcre map {_source}, line {rule.Line}: match limit exceeded"
            : $"regexp map {_source}, line {rule.Line}: match takes too long (over {RegexTranslator.MatchTimeout.TotalMilliseconds} ms): treated as no match");
        return null;
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
