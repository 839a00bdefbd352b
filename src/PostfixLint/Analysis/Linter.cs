using System.Collections.Immutable;
using PostfixLint.Analysis.Rules.Maps;
using PostfixLint.Diagnostics;
using PostfixLint.Model;

namespace PostfixLint.Analysis;

/// <summary>Runs every selected rule over a loaded configuration: what <c>postfix-lint check</c> does, as one call.</summary>
public static class Linter
{
    /// <summary>Checks <paramref name="config"/> and returns its findings, suppressions applied, sorted by file and position.</summary>
    public static LintResult Check(PostfixConfig config, LintOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        options ??= new LintOptions();
        var findings = new List<Diagnostic>();
        AddReadFindings(config, options, findings);
        var context = new RuleContext(config, options, findings);

        // A fatal error while reading means Postfix refuses the whole configuration (postconf stops there): the read
        // findings say why, and rules would only reason about values no Postfix program ever uses.
        if (config.IsUsable)
        {
            Rules.Syntax.NetworkListMessages.Report(context);
            AddTableFindings(context, options, findings);
        }

        foreach (var rule in RuleRegistry.Rules)
        {
            if (!config.IsUsable || !IsEnabled(rule.Descriptor, options))
            {
                continue;
            }

            try
            {
                rule.Check(context);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // A rule that throws is a bug in postfix-lint; the other rules' findings are still worth having.
                context.Report(RuleRegistry.RuleFailed, $"rule {rule.Descriptor} failed on this configuration: {exception.GetType().Name}", (SourceLocation?)null);
            }
        }

        var adjusted = findings.Select(f => WithSeverity(f, options)).ToList();
        var kept = ApplySuppressions(config, options, adjusted);
        return new LintResult([.. kept.OrderBy(f => f.Path ?? "", StringComparer.Ordinal)
            .ThenBy(f => f.Span?.Start ?? -1)
            .ThenBy(f => f.Id, StringComparer.Ordinal)
            .ThenBy(f => f.Message, StringComparer.Ordinal)]);
    }

    /// <summary>Whether <paramref name="rule"/> runs under <paramref name="options"/>: selected, and not ignored unless critical.</summary>
    public static bool IsEnabled(RuleDescriptor rule, LintOptions options)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(options);
        var selected = options.Select.IsDefaultOrEmpty || options.Select.Any(s => Matches(rule, s));
        var ignored = !rule.IsCritical && !options.Ignore.IsDefaultOrEmpty && options.Ignore.Any(s => Matches(rule, s));
        return selected && !ignored;
    }

    private static bool Matches(RuleDescriptor rule, string selector) =>
        selector.Equals("ALL", StringComparison.OrdinalIgnoreCase)
        || rule.Id.StartsWith(selector, StringComparison.OrdinalIgnoreCase)
        || rule.Name.Equals(selector, StringComparison.OrdinalIgnoreCase);

    /// <summary>postconf's warnings and fatal errors for the files, and the parser's, each once, as findings.</summary>
    private static void AddReadFindings(PostfixConfig config, LintOptions options, List<Diagnostic> findings)
    {
        var seen = new HashSet<(string, string?, int?, string)>();
        var messages = config.Messages.Concat(config.MasterReadMessages).Concat(OwnSyntaxFindings(config)).ToList();

        // postconf may log one message twice, once while reading a file (with its position) and once while expanding
        // (without): keep the one that says where.
        var located = messages.Where(m => m.Span is not null).Select(m => (m.Id, m.Message)).ToHashSet();
        foreach (var message in messages)
        {
            if (RuleRegistry.Find(message.Id) is not { } descriptor || !IsEnabled(descriptor, options)
                || (message.Span is null && located.Contains((message.Id, message.Message)))
                || !seen.Add((message.Id, message.Path, message.Span?.Start, message.Message)))
            {
                continue;
            }

            findings.Add(Rules.Syntax.UnusedParameterSuggestion.Enrich(config, message with
            {
                Severity = message.Severity == DiagnosticSeverity.Fatal ? DiagnosticSeverity.Error : message.Severity,
                Message = WithoutLocationPrefix(message),
            }));
        }
    }

    /// <summary>What the parser reports that postconf does not (Postfix is silent about them): text after a NUL byte.</summary>
    private static IEnumerable<Diagnostic> OwnSyntaxFindings(PostfixConfig config) =>
        (config.MainCf?.Diagnostics ?? []).Concat(config.MasterCf?.Diagnostics ?? [])
            .Where(d => d.Id == DiagnosticIds.TextAfterNul);

    /// <summary>What the table readers warn about in the sources of the referenced lookup tables (PFL020–PFL024).</summary>
    private static void AddTableFindings(RuleContext context, LintOptions options, List<Diagnostic> findings)
    {
        try
        {
            findings.AddRange(TableSyntaxFindings.Find(context).Where(f => RuleRegistry.Find(f.Id) is { } d && IsEnabled(d, options)));
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            context.Report(RuleRegistry.RuleFailed, $"reading the lookup tables failed on this configuration: {exception.GetType().Name}", (SourceLocation?)null);
        }
    }

    /// <summary>
    /// postconf prefixes a message with where it is (<c>/etc/postfix/main.cf, line 3: </c>); a finding carries its
    /// position separately, so the prefix goes and the rest stays worded as Postfix words it.
    /// </summary>
    private static string WithoutLocationPrefix(Diagnostic message)
    {
        if (message.Path is not { } path)
        {
            return message.Message;
        }

        // src/postconf/postconf_master.c words its prefix "file <path>: line <n>: " (bad field count).
        var filePrefix = "file " + path + ": line ";
        var text = message.Message.StartsWith(filePrefix, StringComparison.Ordinal)
            ? path + ", line " + message.Message[filePrefix.Length..]
            : message.Message;
        if (!text.StartsWith(path, StringComparison.Ordinal))
        {
            return message.Message;
        }

        var rest = text.AsSpan(path.Length);
        if (rest.StartsWith(", line ", StringComparison.Ordinal))
        {
            var digits = 7;
            while (digits < rest.Length && char.IsAsciiDigit(rest[digits]))
            {
                digits++;
            }

            rest = rest[digits..];
        }

        return rest.StartsWith(": ", StringComparison.Ordinal) ? rest[2..].ToString() : message.Message;
    }

    private static Diagnostic WithSeverity(Diagnostic finding, LintOptions options)
    {
        if (RuleRegistry.Find(finding.Id) is { IsCritical: true } || !options.Severities.TryGetValue(finding.Id, out var severity))
        {
            return finding;
        }

        return finding with { Severity = severity == DiagnosticSeverity.Fatal ? DiagnosticSeverity.Error : severity };
    }

    /// <summary>Drops findings that an own-line <c># postfix-lint: ignore</c> comment covers, and reports the comments that are wrong or unused.</summary>
    private static List<Diagnostic> ApplySuppressions(PostfixConfig config, LintOptions options, List<Diagnostic> findings)
    {
        var suppressions = new[] { config.MainCf?.Document, config.MasterCf?.Document }
            .Where(d => d is not null)
            .SelectMany(d => Suppression.Find(d!))
            .ToList();
        if (suppressions.Count == 0)
        {
            return findings;
        }

        var kept = new List<Diagnostic>(findings.Count);
        foreach (var finding in findings)
        {
            var critical = RuleRegistry.Find(finding.Id) is { IsCritical: true };
            var match = finding.Span is { } span && finding.Path is { } path
                ? suppressions.FirstOrDefault(s => s.Reason is not null && s.Names(finding.Id)
                                                   && string.Equals(s.Path, path, StringComparison.Ordinal)
                                                   && span.Start >= s.Covered.Start && span.Start <= s.Covered.End)
                : null;
            if (match is null || critical)
            {
                kept.Add(finding);
                continue;
            }

            match.Used = true;
        }

        foreach (var suppression in suppressions)
        {
            var at = new SourceLocation(suppression.Path, suppression.Span);
            if (suppression.Reason is null)
            {
                AddLinterFinding(kept, options, RuleRegistry.SuppressionWithoutReason, at,
                    $"suppression of {string.Join(", ", suppression.Ids)} gives no reason: write `-- why` after the ids; it is not applied");
            }
            else if (suppression.Ids.IsEmpty)
            {
                AddLinterFinding(kept, options, RuleRegistry.UnusedSuppression, at, "suppression names no rule id");
            }
            else if (suppression.Ids.Select(RuleRegistry.Find).FirstOrDefault(d => d is { IsCritical: true }) is { } critical)
            {
                AddLinterFinding(kept, options, RuleRegistry.UnusedSuppression, at,
                    $"{critical.Id} {critical.Name} is critical and cannot be suppressed; fix the configuration instead");
            }
            else if (!suppression.Used)
            {
                AddLinterFinding(kept, options, RuleRegistry.UnusedSuppression, at,
                    $"suppression of {string.Join(", ", suppression.Ids)} silences nothing on the entry that follows it");
            }
        }

        return kept;
    }

    private static void AddLinterFinding(List<Diagnostic> findings, LintOptions options, RuleDescriptor rule, SourceLocation at, string message)
    {
        if (IsEnabled(rule, options))
        {
            findings.Add(WithSeverity(new Diagnostic(rule.Id, rule.DefaultSeverity, at.Path, at.Span, message), options));
        }
    }
}
