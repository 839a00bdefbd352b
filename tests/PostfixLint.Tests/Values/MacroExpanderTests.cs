using PostfixLint.Model.Values;
using PostfixLint.Syntax;
using PostfixLint.Diagnostics;

namespace PostfixLint.Tests.Values;

// Facts from Postfix 3.7's src/util/mac_expand.in/.ref and src/global/compat_level_expand.in/.ref,
// re-stated as table rows: status 0 = ok, 1 = error, 2 = undefined name used, 3 = both.
public sealed class MacroExpanderTests
{
    private static MacroExpander Expander(params (string Name, string Value)[] table)
    {
        var map = table.ToDictionary(t => t.Name, t => t.Value);
        return new MacroExpander(n => map.GetValueOrDefault(n), new MacroExpanderOptions { Recursive = false });
    }

    private static readonly MacroExpander s_name1 = Expander(("name1", "name1-value"));

    private static int Status(MacroResult r) => (r.Failed ? 1 : 0) | (r.UsedUndefined ? 2 : 0);

    private static IEnumerable<TestCaseData> UpstreamRows()
    {
        // Block with name1 defined, name2 undefined.
        yield return Row("$name1", "name1-value", 0);
        yield return Row("$(name1", "", 1, "truncated macro reference: \"$(name1\"");
        yield return Row("$(name1)", "name1-value", 0);
        yield return Row("$( name1)", "name1-value", 0);
        yield return Row("$(name1 )", "name1-value", 0);
        yield return Row("$(na me1)", "", 1, "attribute name syntax error at: \"...na>>> me1\"");
        yield return Row("${na me1}", "", 1, "attribute name syntax error at: \"...na>>> me1\"");
        yield return Row("${${name1} != {}?name 1 defined, |$name1|$name2|}", "", 1, "attribute name syntax error at: \"...>>>${name1} != {}?name \"");
        yield return Row("${ ${name1} != {}?name 1 defined, |$name1|$name2|}", "", 1, "attribute name syntax error at: \"... >>>${name1} != {}?name \"");
        yield return Row("${ ${name1} ?name 1 defined, |$name1|$name2|}", "", 1, "attribute name syntax error at: \"... >>>${name1} ?name 1 def\"");
        yield return Row("${{$name1} ? {name 1 defined, |$name1|$name2|} : {name 1 undefined, |$name1|$name2|} }", "", 1,
            "\"==\" or \"!=\"\" or \"<\"\" or \"<=\"\" or \">=\"\" or \">\" expected at: \"...$name1}>>>? {name 1 defined, |\"");
        yield return Row("${x{$name1} != {}?{name 1 defined, |$name1|$name2|}}", "", 1, "attribute name syntax error at: \"...x>>>{$name1} != {}?{name\"");
        yield return Row("${{$name1}x?{name 1 defined, |$name1|$name2|}}", "", 1,
            "\"==\" or \"!=\"\" or \"<\"\" or \"<=\"\" or \">=\"\" or \">\" expected at: \"...$name1}>>>x?{name 1 defined, |\"");
        yield return Row("${{$name1} != {}x{name 1 defined, |$name1|$name2|}}", "", 1, "\"?\" or \":\" expected at: \"...}>>>x{name 1 defined, |$\"");
        yield return Row("${{$name1} != {}?x{name 1 defined, |$name1|$name2|}}", "x{name 1 defined, |name1-value||}", 2);
        yield return Row("${{$name2} != {}?x{name 2 defined, |$name1|$name2|}:{name 2 undefined, |$name1|$name2|}}", "", 2);
        yield return Row("${{$name1} != {}?{name 1 defined, |$name1|$name2|}x}", "name 1 defined, |name1-value||", 3,
            "\":\" expected at: \"...name 1 defined, |$name1|$name2|}>>>x\"");
        yield return Row("${{$name1} != {}?{name 1 defined, |$name1|$name2|}:x{name 1 undefined, |$name1|$name2|}}", "name 1 defined, |name1-value||", 2);
        yield return Row("${{$name2} != {}?{name 2 defined, |$name1|$name2|}:x{name 2 undefined, |$name1|$name2|}}", "x{name 2 undefined, |name1-value||}", 2);
        yield return Row("${{text}}", "", 1, "\"==\" or \"!=\"\" or \"<\"\" or \"<=\"\" or \">=\"\" or \">\" expected at: \"...text}>>>\"");
        yield return Row("${{text} = {}}", "", 1, "\"==\" or \"!=\"\" or \"<\"\" or \"<=\"\" or \">=\"\" or \">\" expected at: \"...text}>>>= {}\"");
        yield return Row("${{${ name1}} == {}}", "", 0);
        yield return Row("${name1?{${ name1}}:{${name2}}}", "name1-value", 0);
        yield return Row("${name2?{${ name1}}:{${name2}}}", "", 2);
        yield return Row("${name2:{${name1}}:{${name2}}}", "name1-value", 1, "unexpected input at: \"...${name1}}>>>:{${name2}}\"");
        yield return Row("${name2?{${name1}}?{${name2}}}", "", 1, "\":\" expected at: \"...${name1}}>>>?{${name2}}\"");
        yield return Row("${{${name1?bug:test}} != {bug:test}?{Error: NOT}:{Good:}} Postfix 2.11 compatible", "Good: Postfix 2.11 compatible", 0);
        yield return Row("${{${name1??bug}} != {?bug}?{Error: NOT}:{Good:}} Postfix 2.11 compatible", "Good: Postfix 2.11 compatible", 0);
        yield return Row("${{${name2::bug}} != {:bug}?{Error: NOT}:{Good:}} Postfix 2.11 compatible", "Good: Postfix 2.11 compatible", 0);
        yield return Row("${{xx}==(yy)?{oops}:{phew}}", "", 1, "\"{expression}\" expected at: \"...{xx} ==>>>(yy)?{oops}:{phew}\"");

        // Conditionals without braces, and relational truth values.
        yield return Row("${name1?name 1 defined, |$name1|$name2|}", "name 1 defined, |name1-value||", 2);
        yield return Row("${name1:name 1 undefined, |$name1|$name2|}", "", 0);
        yield return Row("${name2?name 2 defined, |$name1|$name2|}", "", 0);
        yield return Row("${name2:name 2 undefined, |$name1|$name2|}", "name 2 undefined, |name1-value||", 2);
        yield return Row("${{$name1} != {}}", "true", 0);
        yield return Row("${{$name1} == {}}", "", 0);
        yield return Row("${{$name2} == {}}", "true", 2);
        yield return Row("${{$name2} != {} ? {name 2 defined, |$name1|$name2|} : name 2 undefined, |$name1|$name2|}", " name 2 undefined, |name1-value||", 2);
        yield return Row("${{1} <  {1}}", "", 0);
        yield return Row("${{1} <= {2}}", "true", 0);
        yield return Row("${{a} >= {b}}", "", 0);
        yield return Row("${{a} <  {b}}", "true", 0);
        yield return Row("${{$name1} >=blah {bar}}", "", 1, "bad operator suffix at: \"...>=>>>blah\"");
        yield return Row("${{aaa} > {bb}}", "", 0);
    }

    private static TestCaseData Row(string input, string result, int status, params string[] warnings) =>
        new TestCaseData(input, result, status, warnings).SetArgDisplayNames(input);

    [TestCaseSource(nameof(UpstreamRows))]
    public void Expands_like_the_upstream_test_vectors(string input, string result, int status, string[] warnings)
    {
        var actual = s_name1.Expand(input);

        actual.Value.Should().Be(result);
        Status(actual).Should().Be(status);
        actual.Messages.Where(m => m.Severity == DiagnosticSeverity.Warning).Select(m => m.Message).Should().Equal(warnings);
    }

    [TestCase("${ {$compatibility_level} ==level {3.0} ? {good} : {bad} }")]
    [TestCase("${ {$compatibility_level} !=level {3.10} ? {good} : {bad} }")]
    [TestCase("${ {$compatibility_level} <level {4} ? {good} : {bad} }")]
    [TestCase("${ {$compatibility_level} <level {2} ? {bad} : {good} }")]
    [TestCase("${ {$compatibility_level} <=level {3.0} ? {good} : {bad} }")]
    [TestCase("${ {$compatibility_level} >=level {4} ? {bad} : {good} }")]
    [TestCase("${ {$compatibility_level} >level {2} ? {good} : {bad} }")]
    [TestCase("${ {3} > {3.2} ? {bad} : {good} }")]
    [TestCase("${ {3} <level {3.2} ? {good} : {bad} }")]
    [TestCase("${ {3.10} > {3.2} ? {bad} : {good} }")]
    [TestCase("${ {3.10} >level {3.2} ? {good} : {bad} }")]
    [TestCase("${ {3.10} <level {3.2} ? {bad} : {good} }")]
    public void Compares_compatibility_levels_numerically_per_field(string input)
    {
        var actual = Expander(("compatibility_level", "3")).Expand(input);

        actual.Value.Should().Be("good");
        actual.Failed.Should().BeFalse();
    }

    [TestCase("3A")]
    [TestCase("3.")]
    [TestCase(".1")]
    public void Fails_on_a_malformed_level_operand(string operand)
    {
        var actual = Expander(("compatibility_level", "3")).Expand($"${{ {{$compatibility_level}} >=level {{{operand}}} ? {{error}} : {{error}} }}");

        actual.Value.Should().BeEmpty();
        actual.Failed.Should().BeTrue();
        actual.Messages.Select(m => m.ToString()).Should().Equal(
            $"warning: malformed compatibility level syntax: \"{operand}\"",
            "fatal: macro processing error");
    }

    [Test]
    public void Expands_recursively_and_turns_double_dollar_into_one()
    {
        var map = new Dictionary<string, string> { ["a"] = "x$b", ["b"] = "$$y" };
        var expander = new MacroExpander(map.GetValueOrDefault);

        expander.Expand("[$a]").Value.Should().Be("[x$y]");
    }

    [Test]
    public void Stops_a_reference_loop_at_nesting_depth_100()
    {
        var map = new Dictionary<string, string> { ["a"] = "$b", ["b"] = "$a" };
        var expander = new MacroExpander(map.GetValueOrDefault);

        var actual = expander.Expand("$a, x $c");

        actual.Failed.Should().BeTrue();
        actual.Messages.Select(m => m.ToString()).Should().Equal(
            "warning: unreasonable macro call nesting: \"b\"",
            "fatal: macro processing error");
    }

    [TestCase("$")]
    [TestCase("a $ b")]
    [TestCase("${}")]
    public void Reports_an_empty_macro_name(string value)
    {
        var actual = new MacroExpander(_ => null).Expand(value);

        actual.Failed.Should().BeTrue();
        actual.Messages[0].Message.Should().Be($"empty macro name: \"{value}\"");
    }

    [Test]
    public void Leaves_a_raw_parameter_unexpanded_but_expands_it_through_a_reference()
    {
        var map = new Dictionary<string, string>
        {
            ["mailbox_command"] = "procmail -a \"$EXTENSION\" $$",
            ["smtpd_banner"] = "[$mailbox_command]",
        };
        var expander = new MacroExpander(map.GetValueOrDefault);

        expander.ExpandParameter("mailbox_command")!.Value.Should().Be("procmail -a \"$EXTENSION\" $$");
        expander.ExpandParameter("smtpd_banner")!.Value.Should().Be("[procmail -a \"\" $]");
        expander.ExpandParameter("nonexistent").Should().BeNull();
    }

    [Test]
    public void Reports_an_overflowing_numeric_comparison_as_fatal()
    {
        var actual = new MacroExpander(_ => null).Expand("${{99999999999999999999} == {1}}");

        actual.Failed.Should().BeTrue();
        actual.Messages.Should().ContainSingle()
            .Which.Should().Be(new Diagnostic(DiagnosticIds.MacroExpansionFailed, DiagnosticSeverity.Fatal, null, null, "mac_exp_eval: bad conversion: 99999999999999999999"));
    }
}
