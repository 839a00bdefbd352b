using System.Reflection;
using System.Text.RegularExpressions;
using PostfixLint.Diagnostics;

namespace PostfixLint.Tests.Diagnostics;

public sealed class DiagnosticRegistryTests
{
    private static readonly string[] Ids = [.. typeof(DiagnosticIds)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)];

    [Test]
    public void Every_id_has_exactly_one_descriptor()
    {
        DiagnosticRegistry.All.Select(d => d.Id).Should().BeEquivalentTo(Ids);
        Ids.Should().OnlyHaveUniqueItems();
    }

    [Test]
    public void Descriptors_are_sorted_by_id_with_unique_kebab_names()
    {
        DiagnosticRegistry.All.Select(d => d.Id).Should().BeInAscendingOrder(StringComparer.Ordinal);
        DiagnosticRegistry.All.Select(d => d.Name).Should().OnlyHaveUniqueItems()
            .And.OnlyContain(name => Regex.IsMatch(name, "^[a-z0-9]+(-[a-z0-9]+)*$"));
        DiagnosticRegistry.All.Should().OnlyContain(d => Regex.IsMatch(d.Id, "^PFL[0-9]{3}$") && d.Title.Length > 0);
    }

    [Test]
    public void Ids_are_looked_up_by_value()
    {
        DiagnosticRegistry.Get(DiagnosticIds.UnusedParameter).Name.Should().Be("unused-parameter");
        DiagnosticRegistry.Find("PFL999").Should().BeNull();
    }

    [Test]
    public void A_diagnostic_prints_with_postfix_severity_labels()
    {
        var diagnostic = Diagnostic.Create(DiagnosticRegistry.Get(DiagnosticIds.MissingEquals), "missing '=' after attribute name: \"x\"", "main.cf");

        diagnostic.Severity.Should().Be(DiagnosticSeverity.Fatal);
        diagnostic.ToString().Should().Be("fatal: missing '=' after attribute name: \"x\"");
        (diagnostic with { Severity = DiagnosticSeverity.Warning }).ToString().Should().StartWith("warning: ");
    }
}
