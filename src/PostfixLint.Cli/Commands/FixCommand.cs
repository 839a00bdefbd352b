using System.Collections.Immutable;
using System.CommandLine;
using PostfixLint.Analysis;
using PostfixLint.Cli.Reporting;
using PostfixLint.Execution;
using PostfixLint.Fixing;
using PostfixLint.Model;

namespace PostfixLint.Cli.Commands;

/// <summary>
/// <c>postfix-lint fix</c>: applies the fixes the rules declare as minimal text edits, then (with <c>--apply</c>) rebuilds
/// maps, checks and reloads Postfix as one transaction that rolls back on failure.
/// </summary>
internal static class FixCommand
{
    /// <summary>Builds the verb; its action writes to <paramref name="streams"/>.</summary>
    /// <param name="streams">Where output goes.</param>
    /// <param name="behaviour">The behaviour-diff seam (issue 8 §2); null uses the relay diff against the policy (<see cref="RelayDiffBehaviour"/>).</param>
    public static Command Create(CliStreams streams, IBehaviourDiff? behaviour = null)
    {
        var configDirectory = CommonOptions.ConfigDirectory("Fix main.cf, master.cf and tables in DIR.");
        var root = CommonOptions.Root("Look up absolute paths named in the config (maps) under DIR.");
        var policy = new Option<string>("--policy") { Description = "Read the intent policy from FILE (JSON; overrides the settings file's policy).", HelpName = "FILE" };
        var settings = new Option<string>("--settings") { Description = "Read settings from FILE instead of the nearest .postfix-lint.json.", HelpName = "FILE" };
        var select = new Option<string[]>("--select") { Description = "Apply only the fixes of these rule ids or prefixes (comma-separated).", HelpName = "IDS", AllowMultipleArgumentsPerToken = true };
        var unsafeFixes = new Option<bool>("--unsafe-fixes") { Description = "Also apply fixes that may change behaviour beyond the finding." };
        var diff = new Option<bool>("--diff") { Description = "Show the unified diff, the behaviour diff and the command plan; write nothing. Exit 1 when there is something to fix." };
        var write = new Option<bool>("--write") { Description = "Write the files (atomic, owner and mode kept, backups) and print the plan without running it." };
        var apply = new Option<bool>("--apply") { Description = "Write, rebuild maps, postfix check, postfix reload and verify; roll everything back on failure (exit 2)." };
        var emit = new Option<bool>("--emit-commands") { Description = "Print the plan as a shell script to apply by hand." };
        var assumeReachable = new Option<bool>("--assume-reachable") { Description = "Skip the inet_interfaces/inet_protocols reachability checks (XCLIENT-style impersonation), as simulate does." };
        var programs = new Option<string>("--postfix-program") { Description = "Run PATH for postfix, postconf, postmap and postalias (tests).", HelpName = "PATH", Hidden = true };
        var command = new Command("fix", "Apply the fixes the rules declare: minimal edits, then postmap, postfix check and reload.")
        {
            configDirectory, root, policy, settings, select, unsafeFixes, diff, write, apply, emit, assumeReachable, programs,
        };
        command.Validators.Add(result =>
        {
            var modes = new Option[] { diff, write, apply, emit }.Count(o => result.GetResult(o) is { Implicit: false });
            if (modes != 1)
            {
                result.AddError("give exactly one of --diff, --write, --apply and --emit-commands");
            }
        });
        command.SetAction(parseResult =>
        {
            var request = new CheckRequest(
                parseResult.GetValue(configDirectory) ?? PostfixConfig.DefaultConfigDirectory,
                parseResult.GetValue(root), null, parseResult.GetValue(policy), parseResult.GetValue(settings),
                "text", null, Diagnostics.DiagnosticSeverity.Warning, [], [], false, null, null, false);
            var mode = parseResult.GetValue(apply) ? Mode.Apply : parseResult.GetValue(write) ? Mode.Write : parseResult.GetValue(emit) ? Mode.Emit : Mode.Diff;
            var runner = parseResult.GetValue(programs) is { } program ? PostfixPrograms.All(program) : PostfixPrograms.Default;
            var choices = new FixChoices(CheckCommand.Ids(parseResult.GetValue(select)), parseResult.GetValue(unsafeFixes), parseResult.GetValue(assumeReachable), mode);
            return Execute(request, choices, new CliWrapPostfixCommands(runner), behaviour, streams);
        });
        return command;
    }

    private static int Execute(CheckRequest request, FixChoices choices, IPostfixCommands commands, IBehaviourDiff? behaviour, CliStreams streams)
    {
        var (select, unsafeFixes, assumeReachable, mode) = choices;
        var unknown = select.Where(id => !id.Equals("ALL", StringComparison.OrdinalIgnoreCase)
                                         && !RuleRegistry.All.Any(d => d.Id.StartsWith(id, StringComparison.OrdinalIgnoreCase) || d.Name.Equals(id, StringComparison.OrdinalIgnoreCase))).ToList();
        if (unknown.Count > 0)
        {
            streams.Error.WriteLine($"postfix-lint: fatal: no rule matches {string.Join(", ", unknown)} (postfix-lint rules lists them)");
            return ExitCode.UsageError;
        }

        if (CheckCommand.Load(request, streams) is not { } config || CheckCommand.Options(request, config, streams) is not { } lint)
        {
            return ExitCode.UsageError;
        }

        if (!config.IsUsable)
        {
            streams.Error.WriteLine($"postfix-lint: fatal: {config.MainCfPath}: Postfix cannot use this configuration (postfix-lint check says why); nothing is fixed");
            return ExitCode.UsageError;
        }

        if (assumeReachable)
        {
            var relay = lint.Relay ?? new Analysis.Relay.RelayAnalysisOptions();
            lint = lint with { Relay = relay with { Simulator = relay.Simulator with { AssumeReachable = true } } };
        }

        var plan = FixApplier.Plan(config, new FixOptions { Lint = lint, Select = select, UnsafeFixes = unsafeFixes, Behaviour = behaviour ?? new RelayDiffBehaviour(lint) });
        foreach (var problem in plan.Problems)
        {
            streams.Error.WriteLine($"postfix-lint: warning: {problem}");
        }

        if (!plan.HasChanges)
        {
            streams.Out.WriteLine("Nothing to fix.");
            ReportWithheld(plan, unsafeFixes, streams);
            return ExitCode.Success;
        }

        switch (mode)
        {
            case Mode.Diff:
                FixText.WriteDiffs(streams.Out, plan);
                FixText.WriteSummary(streams.Out, plan, "Plan (not run):");
                ReportWithheld(plan, unsafeFixes, streams);
                return ExitCode.Findings;
            case Mode.Emit:
                FixText.WriteScript(streams.Out, plan);
                return ExitCode.Success;
            case Mode.Write:
            {
                var report = new PlanRunner(commands).Write(plan);
                WriteSteps(streams.Out, report);
                if (!report.Succeeded)
                {
                    streams.Error.WriteLine("postfix-lint: fatal: nothing was written (a file changed since it was read, or cannot be written)");
                    return ExitCode.UsageError;
                }

                FixText.WriteSummary(streams.Out, plan, "Plan (not run; run it, or use --apply):");
                return ExitCode.Success;
            }

            default:
            {
                FixText.WriteSummary(streams.Out, plan, "Plan:");
                var report = new PlanRunner(commands).ApplyAsync(plan, config).GetAwaiter().GetResult();
                WriteSteps(streams.Out, report);
                if (!report.Succeeded)
                {
                    streams.Error.WriteLine(report.RolledBack
                        ? "postfix-lint: fatal: the change failed and was rolled back: every file and map database is restored"
                          + (plan.Actions.OfType<Reload>().Any() ? " and Postfix reloaded" : "")
                        : "postfix-lint: fatal: nothing was written (a file changed since it was read, or cannot be written)");
                    return ExitCode.UsageError;
                }

                foreach (var restart in plan.Actions.OfType<RestartNeeded>())
                {
                    streams.Out.WriteLine($"Restart needed: {string.Join(" and ", restart.Parameters)} changed, and a reload keeps the old listening sockets: run `postfix stop` and `postfix start` when mail can wait.");
                }

                streams.Out.WriteLine("Applied.");
                return ExitCode.Success;
            }
        }
    }

    private static void WriteSteps(TextWriter writer, ApplyReport report)
    {
        foreach (var step in report.Steps)
        {
            writer.WriteLine($"  {step}");
        }
    }

    /// <summary>Says how many unsafe fixes were left out, so the admin knows <c>--unsafe-fixes</c> would do more.</summary>
    private static void ReportWithheld(FixPlan plan, bool unsafeFixes, CliStreams streams)
    {
        var withheld = plan.Remaining.Count(f => f.Fix is { Safety: Diagnostics.FixSafety.Unsafe });
        if (!unsafeFixes && withheld > 0)
        {
            streams.Out.WriteLine($"{withheld} more fix(es) are available with --unsafe-fixes.");
        }
    }

    private sealed record FixChoices(ImmutableArray<string> Select, bool UnsafeFixes, bool AssumeReachable, Mode Mode);

    private enum Mode
    {
        Diff,
        Write,
        Apply,
        Emit,
    }
}
