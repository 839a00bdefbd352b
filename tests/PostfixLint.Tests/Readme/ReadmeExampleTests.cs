using System.Text.RegularExpressions;
using PostfixLint.Analysis;
using PostfixLint.Model;
using PostfixLint.Testing;

namespace PostfixLint.Tests.Readme;

/// <summary>The README's C# examples, compiled here and run; a test keeps the README's text equal to this code.</summary>
public sealed partial class ReadmeExampleTests
{
    [Test]
    public void The_lint_example_runs_and_finds_the_relay_denial()
    {
        var printed = Capture(LintExample);

        printed.Should().Contain("PFL503 Error: 192.168.1.0/24");
    }

    [Test]
    public void The_postconf_example_prints_name_value_lines()
    {
        var printed = Capture(PostconfExample);

        printed.Should().Contain("mynetworks = ");
    }

    [Test]
    public void The_readme_shows_exactly_this_code()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryLayout.Root, "README.md"));
        var source = File.ReadAllText(Path.Combine(RepositoryLayout.Root, "tests", "PostfixLint.Tests", "Readme", "ReadmeExampleTests.cs"));
        var blocks = CSharpBlock().Matches(readme).Select(m => Statements(m.Groups[1].Value)).ToList();

        blocks.Should().HaveCount(2);
        blocks.Should().Equal(Region(source, "lint"), Region(source, "postconf"));
    }

    private static void LintExample()
    {
        // readme: lint
        var config = PostfixConfig.Load("testdata/examples/relay-denied");
        var settings = LintSettingsReader.ReadFile(LintSettings.Find(config.ConfigDirectory)!);
        var result = Linter.Check(config, settings.Settings!.ToOptions());
        foreach (var finding in result.Findings)
        {
            Console.WriteLine($"{finding.Id} {finding.Severity}: {finding.Message}");
        }

        // readme: end
    }

    private static void PostconfExample()
    {
        // readme: postconf
        var config = PostfixConfig.Load("testdata/examples/debian-default");
        var output = PostconfPrinter.Print(config, new PostconfQuery { NonDefaultOnly = true, Expand = true });
        foreach (var line in output.Lines)
        {
            Console.WriteLine(line); // "mynetworks = 127.0.0.0/8 ..."
        }

        // readme: end
    }

    /// <summary>Runs an example from the repository root (its paths are relative to it) and returns what it printed.</summary>
    private static string Capture(Action example)
    {
        var directory = Environment.CurrentDirectory;
        var output = Console.Out;
        using var writer = new StringWriter();
        try
        {
            Environment.CurrentDirectory = RepositoryLayout.Root;
            Console.SetOut(writer);
            example();
        }
        finally
        {
            Console.SetOut(output);
            Environment.CurrentDirectory = directory;
        }

        return writer.ToString();
    }

    private static string Region(string source, string name)
    {
        var start = source.IndexOf($"// readme: {name}\n", StringComparison.Ordinal) + $"// readme: {name}\n".Length;
        var end = source.IndexOf("// readme: end", start, StringComparison.Ordinal);
        return Statements(source[start..end]);
    }

    /// <summary>The code without using directives, blank lines and the common indentation.</summary>
    private static string Statements(string code) =>
        string.Join("\n", code.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0 && !l.StartsWith("using ", StringComparison.Ordinal))
            .Select(l => l.StartsWith("        ", StringComparison.Ordinal) ? l[8..] : l));

    [GeneratedRegex(@"```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
