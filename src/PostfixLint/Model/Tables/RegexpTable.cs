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
                    var regex = Compile(entry.Pattern!, pcre);

                    // POSIX regexec() is leftmost-longest, .NET leftmost-first: with alternation, $n can differ.
                    var ambiguous = !pcre && entry.Pattern!.Matches && entry.Pattern.Body.Contains('|', StringComparison.Ordinal)
                                    && entry.Value.Contains('$', StringComparison.Ordinal);
                    rules.Add(new Rule(
                        RuleKind.Match, regex, entry.Pattern!.Matches,
                        second is null ? null : Compile(second, pcre), second?.Matches ?? true,
                        Replacement.Prescan(entry.Value, pcre ? "pcre" : "regexp"), entry.Line, -1)
                    {
                        Ambiguous = ambiguous,
                        Reversed = ambiguous ? AlternationReverser.TryReverse(regex) : null,
                    });
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

                    if (rule.Ambiguous && rule.Replacement!.MaxSub > 0)
                    {
                        // glibc's regexec() takes the longest match at the leftmost start (checked with postmap -q:
                        // /^x(y|yz)/ gives $1 = yz for "xyz"); which alternatives fill the groups within it is left
                        // to the engine, so where another reading of the alternatives gives another result, say so.
                        match = Anchored(rule.Regex!, key, match.Index, LongestEnd(rule.Regex!, key, match)) ?? match;
                        if (Anchored(rule.Reversed, key, match.Index, match.Index + match.Length) is { } other
                            && rule.Replacement.Expand(other) is var theirs && theirs != rule.Replacement.Expand(match))
                        {
                            return new TableLookup(TableLookupStatus.Unknown, null, _source, rule.Line)
                            {
                                Reason = $"regexp map {_source}, line {rule.Line} is ambiguous for \"{key}\": the alternatives can fill the groups of the match "
                                         + $"\"{match.Value}\" to give \"{rule.Replacement.Expand(match)}\" or \"{theirs}\", and which one POSIX regexec() picks is not modelled",
                            };
                        }
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

    /// <summary>The end of the longest match that starts where <paramref name="match"/> starts (both engines take the leftmost start).</summary>
    private static int LongestEnd(Regex regex, string key, Match match)
    {
        for (var end = key.Length; end > match.Index + match.Length; end--)
        {
            if (Anchored(regex, key, match.Index, end) is not null)
            {
                return end;
            }
        }

        return match.Index + match.Length;
    }

    /// <summary>
    /// <paramref name="regex"/> matched exactly over <c>key[start..end]</c> with the rest of the key around it (so
    /// <c>^</c> and <c>$</c> keep their meaning); the wrapper adds no capturing group, so group numbers stay. Null when
    /// there is no such match, or no regex.
    /// </summary>
    private static Match? Anchored(Regex? regex, string key, int start, int end)
    {
        if (regex is null)
        {
            return null;
        }

        try
        {
            var anchored = new Regex($@"\A[\s\S]{{{start}}}(?:{regex})(?=[\s\S]{{{key.Length - end}}}\z)", regex.Options & ~RegexOptions.Compiled, RegexTranslator.MatchTimeout);
            var match = anchored.Match(key);
            return match.Success ? match : null;
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
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
        RuleKind Kind, Regex? Regex, bool Matches, Regex? Second, bool SecondMatches, Replacement? Replacement, int Line, int BlockEnd)
    {
        /// <summary>A regexp: rule with alternation whose result substitutes <c>$n</c>: checked for a longer POSIX match.</summary>
        public bool Ambiguous { get; init; }

        /// <summary>For an ambiguous rule: the pattern with every alternation's order reversed.</summary>
        public Regex? Reversed { get; init; }
    }
}
