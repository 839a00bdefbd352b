using PostfixLint.Model;
using PostfixLint.Model.Values;
using PostfixLint.Syntax;

namespace PostfixLint.Tests.Values;

public sealed class ExpansionMapTests
{
    private static readonly Dictionary<string, string> s_values = new(StringComparer.Ordinal)
    {
        ["top"] = "x $$y $mid ${{a} == {a}} z",
        ["mid"] = "m1 $low",
        ["low"] = "l1",
    };

    private static ValueSource? Resolve(string name) =>
        s_values.TryGetValue(name, out var value) ? new ValueSource(name, value, ProvenanceKind.Default, null, null) : null;

    private static (string Value, ExpansionMap Map) Expand(bool recursive)
    {
        var recorder = new ExpansionRecorder();
        var options = MacroExpanderOptions.Postconf with { Recursive = recursive };
        var result = new MacroExpander(n => Resolve(n)?.Value, options).Expand(s_values["top"], recorder);
        return (result.Value, ExpansionMap.FromRecorder(recorder, "top", Resolve));
    }

    private static ValueOrigin? Locate(string value, ExpansionMap map, string text) =>
        map.Locate(new TextSpan(value.IndexOf(text, StringComparison.Ordinal), text.Length));

    private static string In(ValueOrigin origin) => s_values[origin.Parameter].Substring(origin.ValueSpan.Start, origin.ValueSpan.Length);

    [Test]
    public void Records_each_run_of_a_recursive_expansion()
    {
        var (value, map) = Expand(recursive: true);

        value.Should().Be("x $y m1 l1 true z");
        In(Locate(value, map, "$y")!).Should().Be("$$y");
        In(Locate(value, map, "z")!).Should().Be("z");
        var low = Locate(value, map, "l1")!;
        (low.Parameter, In(low)).Should().Be(("low", "l1"));
        low.ExpandedThrough.Select(s => (s.Name, s.ReferencedFrom)).Should().Equal(("mid", "top"), ("low", "mid"));
        var both = Locate(value, map, "m1 l1")!;
        (both.Parameter, In(both), both.ContainsExpansion).Should().Be(("mid", "m1 $low", true));
    }

    [Test]
    public void Text_a_relational_expression_computes_has_no_origin()
    {
        var (value, map) = Expand(recursive: true);

        Locate(value, map, "true").Should().BeNull();
        In(Locate(value, map, "l1 true z")!).Should().Be("$mid ${{a} == {a}} z");
    }

    [Test]
    public void Records_a_looked_up_value_copied_without_expansion()
    {
        var (value, map) = Expand(recursive: false);

        value.Should().Be("x $y m1 $low true z");
        var low = Locate(value, map, "$low")!;
        (low.Parameter, In(low), low.ContainsExpansion).Should().Be(("mid", "$low", false));
    }
}
