using System.Collections.Immutable;
using PostfixLint.Analysis;
using PostfixLint.Analysis.Rules.Maps;
using PostfixLint.Diagnostics;
using PostfixLint.Model;
using PostfixLint.Syntax;

namespace PostfixLint.Fixing;

/// <summary>
/// Plans <c>postfix-lint fix</c>: applies the selected fixes of a configuration's findings to the original texts, re-parses
/// and re-checks, and repeats until nothing is left to fix (at most <see cref="FixOptions.MaxPasses"/> passes).
/// </summary>
/// <remarks>
/// Nothing is written: the result is a <see cref="FixPlan"/>. Within a pass, a fix whose edits overlap an applied one
/// waits for the next pass, where it is found again on the edited text (ESLint's and ruff's fix loop). A fix that
/// does not settle or that adds a finding is a bug in its rule; the plan lists it in <see cref="FixPlan.Problems"/>.
/// </remarks>
public static class FixApplier
{
    /// <summary>The parameters whose change needs <c>postfix stop</c>/<c>start</c> (postconf(5)).</summary>
    private static readonly string[] s_restartParameters = ["inet_interfaces", "inet_protocols"];

    /// <summary>Plans the fixes of <paramref name="config"/>'s findings (a configuration directory, as <see cref="PostfixConfig.Load"/> reads it).</summary>
    public static FixPlan Plan(PostfixConfig config, FixOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        options ??= new FixOptions();
        using var overlay = new ConfigOverlay(config);
        var originals = new Dictionary<string, string>(StringComparer.Ordinal);
        var working = new Dictionary<string, string>(StringComparer.Ordinal);
        var applied = new List<AppliedFix>();
        var problems = new List<string>();
        var initial = Linter.Check(config, options.Lint).Findings;
        var current = config;
        var raw = initial;
        var passes = 0;
        var settled = false;
        while (true)
        {
            var candidates = Candidates(raw.Select(overlay.Unmap), options, current, overlay, working, originals);
            if (candidates.Count == 0)
            {
                settled = true;
                break;
            }

            if (passes == options.MaxPasses)
            {
                break;
            }

            passes++;
            var documents = candidates.SelectMany(c => c.Fix.Paths).Distinct(StringComparer.Ordinal)
                .ToDictionary(p => p, p => TextOf(p, working, originals), StringComparer.Ordinal);
            var application = TextEditApplier.ApplyFixes(documents, candidates.Select(c => c.Fix));
            var changed = false;
            foreach (var (path, text) in application.Documents)
            {
                if (!string.Equals(text, documents[path], StringComparison.Ordinal))
                {
                    working[path] = text;
                    changed = true;
                }
            }

            foreach (var fix in application.Applied)
            {
                var candidate = candidates.First(c => ReferenceEquals(c.Fix, fix));
                applied.Add(new AppliedFix(candidate.RuleId, fix.Title, candidate.Safety, passes));
            }

            if (!changed)
            {
                problems.Add($"pass {passes}: the fixes changed nothing but are still offered: {string.Join("; ", candidates.Select(c => $"{c.RuleId} {c.Fix.Title}"))}");
                settled = true;
                break;
            }

            current = overlay.Load(working);
            raw = Linter.Check(current, options.Lint).Findings;
        }

        if (!settled)
        {
            var left = Candidates(raw.Select(overlay.Unmap), options, current, overlay, working, originals);
            problems.Add($"the fixes did not settle in {options.MaxPasses} passes; still offered: {string.Join("; ", left.Select(c => $"{c.RuleId} {c.Fix.Title}"))}");
        }

        var files = working.Where(w => !string.Equals(w.Value, originals[w.Key], StringComparison.Ordinal))
            .OrderBy(w => w.Key, StringComparer.Ordinal)
            .ToList();
        var (actions, rebuilt, secrets) = Actions(config, current, raw, options, overlay, files.Select(f => f.Key).ToHashSet(StringComparer.Ordinal));
        problems.AddRange(AddedFindings(initial, raw, rebuilt));
        var plan = new FixPlan(
            config.ConfigDirectory,
            [.. files.Select(f => new FileChange(f.Key, originals[f.Key], f.Value, secrets.Contains(f.Key)))],
            [.. applied],
            actions,
            [.. raw.Select(overlay.Unmap)],
            passes,
            [.. problems]);
        return options.Behaviour is { } behaviour && !plan.Files.IsEmpty
            ? plan with { BehaviourDiff = behaviour.Describe(config, current) }
            : plan;
    }

    /// <summary>Whether <paramref name="ruleId"/>'s fixes are selected by <paramref name="select"/> (ids, prefixes, names or <c>ALL</c>; empty selects all).</summary>
    internal static bool IsSelected(string ruleId, ImmutableArray<string> select) =>
        select.IsDefaultOrEmpty || select.Any(s =>
            s.Equals("ALL", StringComparison.OrdinalIgnoreCase)
            || ruleId.StartsWith(s, StringComparison.OrdinalIgnoreCase)
            || (RuleRegistry.Find(ruleId)?.Name.Equals(s, StringComparison.OrdinalIgnoreCase) ?? false));

    private static List<Candidate> Candidates(
        IEnumerable<Diagnostic> findings, FixOptions options, PostfixConfig current, ConfigOverlay overlay,
        Dictionary<string, string> working, Dictionary<string, string> originals)
    {
        var candidates = new List<Candidate>();
        foreach (var finding in findings)
        {
            if (finding.Fix is not { } fix || fix.Safety == FixSafety.DisplayOnly || fix.Edits.IsEmpty || !IsSelected(finding.Id, options.Select))
            {
                continue;
            }

            var safety = options.Behaviour?.DecideSafety(fix, fix.Safety, current, () =>
            {
                var texts = new Dictionary<string, string>(working, StringComparer.Ordinal);
                foreach (var path in fix.Paths)
                {
                    texts[path] = TextEditApplier.Apply(TextOf(path, working, originals), fix.EditsFor(path)).Text;
                }

                return overlay.Load(texts);
            }) ?? fix.Safety;
            if (safety == FixSafety.Safe || (safety == FixSafety.Unsafe && options.UnsafeFixes))
            {
                candidates.Add(new Candidate(finding.Id, fix, safety));
            }
        }

        return candidates;
    }

    private static string TextOf(string path, Dictionary<string, string> working, Dictionary<string, string> originals)
    {
        if (working.TryGetValue(path, out var text))
        {
            return text;
        }

        if (!originals.TryGetValue(path, out var original))
        {
            originals[path] = original = SourceFile.Read(path);
        }

        return original;
    }

    /// <summary>Rebuilds for indexed tables whose source changed or whose database the selected PFL403/PFL404 say is missing or stale; then check and reload.</summary>
    private static (ImmutableArray<PostApplyAction> Actions, HashSet<string> Rebuilt, HashSet<string> Secrets) Actions(
        PostfixConfig before, PostfixConfig after, ImmutableArray<Diagnostic> findings, FixOptions options, ConfigOverlay overlay, HashSet<string> changed)
    {
        var actions = ImmutableArray.CreateBuilder<PostApplyAction>();
        var rebuilt = new HashSet<string>(StringComparer.Ordinal);
        var secrets = new HashSet<string>(StringComparer.Ordinal);
        if (after.IsUsable)
        {
            var context = new RuleContext(after, options.Lint, []);
            foreach (var reference in ReferencedTables.Of(context))
            {
                if (!reference.HasFile)
                {
                    continue;
                }

                var file = ReferencedTables.FileOf(context, reference);
                var actual = overlay.Unmap(file.ActualPath);
                if (IsSecret(reference))
                {
                    secrets.Add(actual);
                }

                if (!file.Exists || reference.DatabaseSuffix is null || reference.Origin?.Location is not { } origin)
                {
                    continue;
                }

                string? reason = null;
                if (changed.Contains(actual))
                {
                    reason = "source changed";
                }
                else if (IsReportedAt(findings, MapDatabaseMissing.Meta.Id, origin) && IsSelected(MapDatabaseMissing.Meta.Id, options.Select))
                {
                    reason = "database missing";
                }
                else if (IsReportedAt(findings, MapDatabaseStale.Meta.Id, origin) && IsSelected(MapDatabaseStale.Meta.Id, options.Select))
                {
                    reason = "database stale";
                }

                if (reason is not null && rebuilt.Add(reference.Type + ":" + actual))
                {
                    actions.Add(new RebuildMap(reference.BuildCommand, reference.Type, actual, reason));
                }
            }
        }

        if (changed.Count == 0 && actions.Count == 0)
        {
            return (actions.ToImmutable(), rebuilt, secrets);
        }

        actions.Add(new CheckConfiguration());
        var restart = ImmutableArray<string>.Empty;
        if (changed.Contains(before.MainCfPath) || changed.Contains(before.MasterCfPath)
            || changed.Contains(before.ConfigDirectory + "/main.cf") || changed.Contains(before.ConfigDirectory + "/master.cf"))
        {
            restart = [.. s_restartParameters.Where(p => !string.Equals(before.Expand(p), after.Expand(p), StringComparison.Ordinal))];
        }

        // A listener change needs postfix stop/start instead of a reload: master opens its sockets only when it starts, and
        // a reload would put the other changes in effect on the old sockets, half the plan. The restart is left to the
        // admin (mail stops meanwhile). Otherwise reload, after a rebuild too: a daemon notices a changed database by itself
        // (dict_changed_name() in src/util/dict.c), but one that opened a database that did not exist yet keeps failing
        // lookups until it exits.
        actions.Add(restart.IsEmpty ? new Reload() : new RestartNeeded(restart));
        return (actions.ToImmutable(), rebuilt, secrets);
    }

    // Password tables: the SASL client credentials (postconf(5) smtp_sasl_password_maps, lmtp_sasl_password_maps) and
    // anything else whose parameter says so.
    private static bool IsSecret(TableReference reference) =>
        reference.Parameter.Contains("password", StringComparison.OrdinalIgnoreCase)
        || reference.Parameter.Contains("passwd", StringComparison.OrdinalIgnoreCase)
        || Path.GetFileName(reference.Name).Contains("passw", StringComparison.OrdinalIgnoreCase);

    private static bool IsReportedAt(ImmutableArray<Diagnostic> findings, string id, SourceLocation origin) =>
        findings.Any(f => f.Id == id && string.Equals(f.Path, origin.Path, StringComparison.Ordinal) && f.Span == origin.Span);

    /// <summary>Rules with more findings after the fixes than before (a rebuilt map's PFL403/PFL404 aside): a fix that adds a finding.</summary>
    private static IEnumerable<string> AddedFindings(ImmutableArray<Diagnostic> before, ImmutableArray<Diagnostic> after, HashSet<string> rebuilt)
    {
        var counts = before.GroupBy(f => f.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        foreach (var group in after.GroupBy(f => f.Id, StringComparer.Ordinal))
        {
            var isMapDatabase = group.Key == MapDatabaseMissing.Meta.Id || group.Key == MapDatabaseStale.Meta.Id;
            if (isMapDatabase && rebuilt.Count > 0)
            {
                continue;
            }

            var was = counts.GetValueOrDefault(group.Key);
            if (group.Count() > was)
            {
                yield return $"the fixes added {group.Count() - was} {group.Key} finding(s): {group.Last().Message}";
            }
        }
    }

    private sealed record Candidate(string RuleId, Fix Fix, FixSafety Safety);
}
