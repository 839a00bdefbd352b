using System.CommandLine;
using PostfixLint.Analysis;
using PostfixLint.Cli.Reporting;

namespace PostfixLint.Cli.Commands;

/// <summary><c>postfix-lint rule ID</c> prints a rule's documentation; <c>postfix-lint rules</c> lists every rule.</summary>
internal static class RuleCommand
{
    /// <summary>The <c>rule</c> verb.</summary>
    public static Command CreateRule(CliStreams streams)
    {
        var id = new Argument<string>("ID") { Description = "A rule id (PFL101) or name (mynetworks-includes-everyone)." };
        var command = new Command("rule", "Print a rule's documentation.") { id };
        command.SetAction(parseResult =>
        {
            var key = parseResult.GetValue(id)!;
            if (RuleRegistry.Find(key) is not { } rule)
            {
                streams.Error.WriteLine($"postfix-lint: fatal: no rule {key} (postfix-lint rules lists them)");
                return ExitCode.UsageError;
            }

            streams.Out.Write(rule.Documentation);
            return ExitCode.Success;
        });
        return command;
    }

    /// <summary>The <c>rules</c> verb.</summary>
    public static Command CreateRules(CliStreams streams)
    {
        var command = new Command("rules", "List every rule: id, name, default severity, fix availability and title.");
        command.SetAction(_ =>
        {
            foreach (var rule in RuleRegistry.All)
            {
                var fix = rule.Fix switch { FixAvailability.Always => "fix", FixAvailability.Sometimes => "fix?", _ => "" };
                var severity = rule.IsCritical ? "critical" : FindingText.Label(rule.DefaultSeverity);
                streams.Out.WriteLine($"{rule.Id}  {rule.Name,-44} {severity,-8} {fix,-4}  {rule.Title}");
            }

            return ExitCode.Success;
        });
        return command;
    }
}
