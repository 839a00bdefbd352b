using System.Text;
using DiffPlex.Renderer;
using PostfixLint.Diagnostics;
using PostfixLint.Fixing;

namespace PostfixLint.Cli.Reporting;

/// <summary>The text of <c>postfix-lint fix</c>: unified diffs, the fixes, the behaviour diff, the command plan and the shell script.</summary>
internal static class FixText
{
    private const string Mask = "********";

    /// <summary>The unified diff of every changed file (DiffPlex); values of password tables are masked.</summary>
    public static void WriteDiffs(TextWriter writer, FixPlan plan)
    {
        foreach (var file in plan.Files)
        {
            var name = DisplayPath(plan, file.Path);
            var (before, after) = (file.OriginalText, file.NewText);
            if (before.EndsWith('\n') && after.EndsWith('\n'))
            {
                // Both end in a newline: without it the line splitter sees no empty last line to show as context.
                (before, after) = (before[..^1], after[..^1]);
            }

            var diff = new UnidiffRenderer(contextLines: 3).Generate(before, after, "a/" + name, "b/" + name, ignoreWhitespace: false, ignoreCase: false);
            if (file.IsSecret)
            {
                // Diff the real text (so a changed password shows as a changed line), then mask every shown value.
                diff = string.Join('\n', diff.Split('\n').Select(l =>
                    l.Length == 0 || l.StartsWith("---", StringComparison.Ordinal) || l.StartsWith("+++", StringComparison.Ordinal) || l.StartsWith("@@", StringComparison.Ordinal)
                        ? l
                        : l[0] + MaskedLine(l[1..])));
            }

            writer.Write(diff.EndsWith('\n') ? diff : diff + "\n");
            if (file.IsSecret)
            {
                writer.WriteLine($"# {name} holds passwords: its values are masked");
            }
        }
    }

    /// <summary>The fixes applied, the behaviour diff, problems and the plan, under <paramref name="planHeading"/>.</summary>
    public static void WriteSummary(TextWriter writer, FixPlan plan, string planHeading)
    {
        writer.WriteLine($"Fixes ({plan.Applied.Length}, {plan.Passes} pass(es)):");
        foreach (var fix in plan.Applied)
        {
            writer.WriteLine($"  {fix.RuleId} [{Safety(fix.Safety)}] {fix.Title}");
        }

        writer.WriteLine("Behaviour diff:");
        writer.WriteLine(plan.BehaviourDiff is { } behaviour
            ? Indent(behaviour)
            : "  not computed: each fix's declared safety decided whether it was applied");
        foreach (var problem in plan.Problems)
        {
            writer.WriteLine($"problem: {problem}");
        }

        WritePlan(writer, plan, planHeading);
    }

    /// <summary>The post-apply actions as commands, one a line.</summary>
    public static void WritePlan(TextWriter writer, FixPlan plan, string heading)
    {
        if (plan.Actions.IsEmpty)
        {
            return;
        }

        var directory = Path.GetFullPath(plan.ConfigDirectory);
        writer.WriteLine(heading);
        foreach (var action in plan.Actions)
        {
            var reason = action is RebuildMap map ? $"   # {map.Reason}" : "";
            foreach (var line in action.Describe(directory).Split('\n'))
            {
                writer.WriteLine($"  {line}{(line.StartsWith('#') ? "" : reason)}");
            }
        }
    }

    /// <summary>The plan as a POSIX shell script that writes the files (keeping owner, mode and a backup) and runs the actions.</summary>
    public static void WriteScript(TextWriter writer, FixPlan plan)
    {
        var directory = Path.GetFullPath(plan.ConfigDirectory);
        writer.WriteLine("#!/bin/sh");
        writer.WriteLine($"# postfix-lint fix plan for {directory}: {plan.Applied.Length} fix(es)");
        foreach (var fix in plan.Applied)
        {
            writer.WriteLine($"#   {fix.RuleId} [{Safety(fix.Safety)}] {fix.Title}");
        }

        writer.WriteLine("set -eu");
        foreach (var file in plan.Files)
        {
            var full = Path.GetFullPath(file.Path);
            var path = PostApplyAction.Quote(full);
            var next = PostApplyAction.Quote(full + ".postfix-lint.new");
            writer.WriteLine();
            if (file.IsSecret)
            {
                writer.WriteLine($"# {file.Path} holds passwords: its new text is not printed; write it with `postfix-lint fix --write`.");
                continue;
            }

            writer.WriteLine($"[ \"$(sha256sum < {path} | cut -d' ' -f1)\" = {file.OriginalHash} ] || {{ echo {PostApplyAction.Quote(full + " changed since the plan was made")} >&2; exit 1; }}");
            // The first free backup name (FILE.postfix-lint.bak, then FILE.postfix-lint.1.bak, ...), as --write and --apply do.
            writer.WriteLine($"b={PostApplyAction.Quote(full + ".postfix-lint.bak")}; n=0; while [ -e \"$b\" ]; do n=$((n+1)); b={PostApplyAction.Quote(full + ".postfix-lint.")}\"$n\".bak; done; cp -p {path} \"$b\"");
            writer.WriteLine($"printf '%s' {ShellLiteral(file.NewText)} > {next}");
            writer.WriteLine($"chown --reference={path} {next}");
            writer.WriteLine($"chmod --reference={path} {next}");
            writer.WriteLine($"mv {next} {path}");
        }

        if (!plan.Actions.IsEmpty)
        {
            writer.WriteLine();
        }

        foreach (var action in plan.Actions)
        {
            writer.WriteLine(action.Describe(directory));
        }
    }

    private static string ShellLiteral(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static string Safety(FixSafety safety) => safety switch
    {
        FixSafety.Safe => "safe",
        FixSafety.Unsafe => "unsafe",
        _ => "display-only",
    };

    private static string DisplayPath(FixPlan plan, string path)
    {
        var directory = plan.ConfigDirectory.TrimEnd('/') + "/";
        return path.StartsWith(directory, StringComparison.Ordinal) ? path[directory.Length..] : path.TrimStart('/');
    }

    private static string Indent(string text) =>
        string.Join("\n", text.TrimEnd('\n').Split('\n').Select(l => "  " + l));

    /// <summary>Each entry's value replaced by a mask: the key stays so the admin sees which entry changed.</summary>
    private static string MaskedLine(string line)
    {
        var trimmed = line.TrimStart();
        if (trimmed.Trim().Length == 0 || trimmed.StartsWith('#'))
        {
            return line;
        }

        var indent = line.Length - trimmed.Length;
        if (indent > 0)
        {
            // postmap(1): a line starting with whitespace continues the value.
            return line[..indent] + Mask + (line.EndsWith('\r') ? "\r" : "");
        }

        var end = line.IndexOfAny([' ', '\t']);
        return end < 0 ? line : line[..end] + " " + Mask + (line.EndsWith('\r') ? "\r" : "");
    }
}
