using System.Text.RegularExpressions;
using PostfixLint.Analysis;
using PostfixLint.Tests.Support.Golden;

namespace PostfixLint.Tests.Analysis;

/// <summary>Every id has a doc page with the house headings; its example fires and its "use instead" does not.</summary>
public sealed partial class RuleDocsTests
{
    private static readonly string[] s_requiredHeadings = ["## What it does", "## Why is this bad?", "## Example", "## Use instead", "## References"];

    private static IEnumerable<TestCaseData> Documented() =>
        EngineLinter.RuleIds.Select(id => new TestCaseData(id).SetArgDisplayNames(id));

    [Test]
    public void Ids_and_names_are_unique()
    {
        RuleRegistry.All.Select(d => d.Id).Should().OnlyHaveUniqueItems();
        RuleRegistry.All.Select(d => d.Name).Should().OnlyHaveUniqueItems();
        RuleRegistry.All.Should().OnlyContain(d => IdPattern().IsMatch(d.Id) && NamePattern().IsMatch(d.Name));
    }

    [Test]
    public void Rules_are_registered_in_id_order() =>
        RuleRegistry.Rules.Select(r => r.Descriptor.Id).Should().BeInAscendingOrder(StringComparer.Ordinal);

    [TestCaseSource(nameof(Documented))]
    public void Doc_page_has_the_required_headings(string id)
    {
        var page = RuleDocs.Get(id);
        page.Should().NotBeNull($"{id} needs a page (Analysis/Rules/<Family>/<RuleName>.md starting with '# {id} name')");
        var descriptor = RuleRegistry.Find(id)!;
        page!.Split('\n')[0].Should().Be($"# {id} {descriptor.Name}");
        var headings = descriptor.Fix == FixAvailability.None ? s_requiredHeadings : [.. s_requiredHeadings, "## Fix safety"];
        foreach (var heading in headings)
        {
            page.Should().Contain("\n" + heading + "\n", $"{id}'s page needs a '{heading}' section");
        }
    }

    [TestCaseSource(nameof(Documented))]
    public void Doc_example_fires_and_use_instead_does_not(string id)
    {
        var page = RuleDocs.Get(id);
        Assume.That(page, Is.Not.Null, "the headings test reports the missing page");
        var example = Files(Section(page!, "## Example"));
        var instead = Files(Section(page!, "## Use instead"));
        example.Should().NotBeEmpty($"{id}'s Example needs a code block");
        instead.Should().NotBeEmpty($"{id}'s Use instead needs a code block");

        EngineLinter.Lint(new RuleCase(id, "example", "doc", example)).Findings
            .Should().Contain(f => f.Id == id, $"{id}'s Example must produce the finding");
        EngineLinter.Lint(new RuleCase(id, "use_instead_ok", "doc", instead)).Findings
            .Should().NotContain(f => f.Id == id, $"{id}'s Use instead must not produce the finding");
    }

    /// <summary>The text from <paramref name="heading"/> to the next <c>## </c> heading.</summary>
    private static string Section(string page, string heading)
    {
        var start = page.IndexOf("\n" + heading + "\n", StringComparison.Ordinal);
        if (start < 0)
        {
            return string.Empty;
        }

        start += heading.Length + 2;
        var end = page.IndexOf("\n## ", start, StringComparison.Ordinal);
        return end < 0 ? page[start..] : page[start..end];
    }

    /// <summary>
    /// The fenced code blocks of a section as the files of a case: the info string names the file (none is
    /// <c>main.cf</c>; <c>policy</c> is the <c>.postfix-lint.json</c> policy).
    /// </summary>
    private static Dictionary<string, string> Files(string section)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match block in CodeBlock().Matches(section))
        {
            var info = block.Groups["info"].Value.Trim();
            var name = info switch
            {
                "" => "main.cf",
                "policy" => ".postfix-lint.json",
                _ => info,
            };
            files[name] = block.Groups["body"].Value;
        }

        return files;
    }

    [GeneratedRegex(@"^```(?<info>[^\n]*)\n(?<body>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex CodeBlock();

    [GeneratedRegex(@"^PFL\d{3}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex NamePattern();
}
