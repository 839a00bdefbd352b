using System.Text;
using PostfixLint.Model.Values;
using PostfixLint.Syntax;

namespace PostfixLint.Tests.Grammar;

public sealed class MacroSyntaxTests
{
    // Inputs of Postfix 3.7's src/util/mac_expand.in and src/global/compat_level_expand.in (as in MacroExpanderTests).
    private static readonly string[] s_upstreamInputs =
    [
        "$name1", "$(name1", "$(name1)", "$( name1)", "$(name1 )", "$(na me1)", "${na me1}",
        "${${name1} != {}?name 1 defined, |$name1|$name2|}",
        "${ ${name1} != {}?name 1 defined, |$name1|$name2|}",
        "${ ${name1} ?name 1 defined, |$name1|$name2|}",
        "${{$name1} ? {name 1 defined, |$name1|$name2|} : {name 1 undefined, |$name1|$name2|} }",
        "${x{$name1} != {}?{name 1 defined, |$name1|$name2|}}",
        "${{$name1}x?{name 1 defined, |$name1|$name2|}}",
        "${{$name1} != {}x{name 1 defined, |$name1|$name2|}}",
        "${{$name1} != {}?x{name 1 defined, |$name1|$name2|}}",
        "${{$name2} != {}?x{name 2 defined, |$name1|$name2|}:{name 2 undefined, |$name1|$name2|}}",
        "${{$name1} != {}?{name 1 defined, |$name1|$name2|}x}",
        "${{$name1} != {}?{name 1 defined, |$name1|$name2|}:x{name 1 undefined, |$name1|$name2|}}",
        "${{$name2} != {}?{name 2 defined, |$name1|$name2|}:x{name 2 undefined, |$name1|$name2|}}",
        "${{text}}", "${{text} = {}}", "${{${ name1}} == {}}",
        "${name1?{${ name1}}:{${name2}}}", "${name2?{${ name1}}:{${name2}}}",
        "${name2:{${name1}}:{${name2}}}", "${name2?{${name1}}?{${name2}}}",
        "${{${name1?bug:test}} != {bug:test}?{Error: NOT}:{Good:}} Postfix 2.11 compatible",
        "${{${name1??bug}} != {?bug}?{Error: NOT}:{Good:}} Postfix 2.11 compatible",
        "${{${name2::bug}} != {:bug}?{Error: NOT}:{Good:}} Postfix 2.11 compatible",
        "${{xx}==(yy)?{oops}:{phew}}",
        "${name1?name 1 defined, |$name1|$name2|}", "${name1:name 1 undefined, |$name1|$name2|}",
        "${{$name1} != {}}", "${{$name2} != {} ? {name 2 defined, |$name1|$name2|} : name 2 undefined, |$name1|$name2|}",
        "${{1} <  {1}}", "${{1} <= {2}}", "${{a} >= {b}}", "${{$name1} >=blah {bar}}", "${{aaa} > {bb}}",
        "${{3.0} <level {3.1}}", "${{$compatibility_level} >=level {2}?{yes}:{no}}", "$", "$$", "a$$b", "${}", "$()", "${ }", "${?x}",
    ];

    private static IEnumerable<TestCaseData> UpstreamInputs() => s_upstreamInputs.Select(v => new TestCaseData(v).SetArgDisplayNames(v));

    [TestCaseSource(nameof(UpstreamInputs))]
    public void Agrees_with_the_postconf_scan_on_the_upstream_vectors(string value)
    {
        AssertAgrees(value);
    }

    [Test]
    public void Agrees_with_the_postconf_scan_on_generated_values()
    {
        var random = new Random(3711);
        var valid = 0;
        var mismatches = new List<string>();
        const int count = 6000;
        for (var n = 0; n < count; n++)
        {
            var value = n % 2 == 0 ? RandomTokens(random) : Mutate(random, WellFormed(random, 3));
            if (Compare(value, out var isValid) is { } mismatch)
            {
                mismatches.Add(mismatch);
            }

            valid += isValid ? 1 : 0;
        }

        mismatches.Should().BeEmpty();

        // Both halves must exercise the grammar: plenty of valid and plenty of invalid values.
        valid.Should().BeInRange(count / 5, count * 4 / 5);
    }

    [Test]
    public void Builds_a_tree_with_spans_for_each_form()
    {
        const string value = "a$$b $x ${y} $(z) ${c?{$d}:e} ${{$f} ==level {3.6} ? yes}";
        var tree = MacroSyntax.Parse(value);

        tree.IsValid.Should().BeTrue();
        tree.Nodes.Select(n => n.GetType().Name).Should().Equal(
            "MacroLiteralNode", "MacroDollarNode", "MacroLiteralNode", "MacroNameNode", "MacroLiteralNode", "MacroNameNode",
            "MacroLiteralNode", "MacroNameNode", "MacroLiteralNode", "MacroConditionalNode", "MacroLiteralNode", "MacroRelationalNode");
        tree.Nodes.Select(n => value.Substring(n.Span.Start, n.Span.Length)).Should().Equal(
            "a", "$$", "b ", "$x", " ", "${y}", " ", "$(z)", " ", "${c?{$d}:e}", " ", "${{$f} ==level {3.6} ? yes}");

        var conditional = (MacroConditionalNode)tree.Nodes[9];
        conditional.Name.Should().Be("c");
        conditional.IfDefined!.IsBraced.Should().BeTrue();
        Text(value, conditional.IfDefined.Span).Should().Be("$d");
        conditional.IfUndefined!.IsBraced.Should().BeFalse();
        Text(value, conditional.IfUndefined.Span).Should().Be("e");

        var relational = (MacroRelationalNode)tree.Nodes[11];
        relational.Operator.Should().Be("==");
        relational.IsLevelComparison.Should().BeTrue();
        Text(value, relational.OperatorSpan).Should().Be("==level");
        Text(value, relational.Right.Span).Should().Be("3.6");
        Text(value, relational.IfTrue!.Span).Should().Be(" yes");
        relational.IfFalse.Should().BeNull();

        tree.References.Select(r => (r.Name, Text(value, r.Span))).Should().Equal(
            ("x", "x"), ("y", "y"), ("z", "z"), ("c", "c"), ("d", "d"), ("f", "f"));
    }

    [TestCase("${a", 3)]
    [TestCase("x $(a b) y", 5)]
    [TestCase("${{a} =! {b}}", 6)]
    [TestCase("$ x", 1)]
    public void Reports_where_the_syntax_breaks(string value, int position)
    {
        var tree = MacroSyntax.Parse(value);

        tree.IsValid.Should().BeFalse();
        tree.Error!.Position.Should().Be(position);
        tree.Nodes.Should().BeEmpty();
    }

    private static string Text(string value, TextSpan span) => value.Substring(span.Start, span.Length);

    private static bool AssertAgrees(string value)
    {
        var mismatch = Compare(value, out var valid);
        mismatch.Should().BeNull();
        return valid;
    }

    // Plain comparison (FluentAssertions per value would dominate the run time of the generated test).
    private static string? Compare(string value, out bool valid)
    {
        var scan = MacroReferences.Scan(value);
        var tree = MacroSyntax.Parse(value);
        valid = tree.IsValid;
        if (tree.IsValid == scan.HasSyntaxError)
        {
            return $"postconf's scan of \"{value}\" says {(scan.HasSyntaxError ? string.Join("; ", scan.Messages) : "valid")}, the grammar says {tree.Error?.ToString() ?? "valid"}";
        }

        if (tree.IsValid && !tree.References.SequenceEqual(scan.References))
        {
            return $"names in \"{value}\": grammar {string.Join(", ", tree.References)}, postconf scan {string.Join(", ", scan.References)}";
        }

        return null;
    }

    private static readonly string[] s_tokens =
    [
        "$", "$", "$$", "{", "}", "{", "}", "(", ")", "?", ":", " ", " ", "a", "b1", "_c", "x", "==", "!=", "<", ">=", "=", "level", "lev", "\t",
    ];

    private static string RandomTokens(Random random)
    {
        var text = new StringBuilder();
        var length = random.Next(1, 14);
        for (var i = 0; i < length; i++)
        {
            text.Append(s_tokens[random.Next(s_tokens.Length)]);
        }

        return text.ToString();
    }

    private static string Mutate(Random random, string value)
    {
        // Half the time leave it well-formed; otherwise delete, duplicate or insert one character.
        if (value.Length == 0 || random.Next(2) == 0)
        {
            return value;
        }

        var at = random.Next(value.Length);
        return random.Next(3) switch
        {
            0 => value.Remove(at, 1),
            1 => value.Insert(at, value[at].ToString()),
            _ => value.Insert(at, s_tokens[random.Next(s_tokens.Length)]),
        };
    }

    private static string WellFormed(Random random, int depth)
    {
        var text = new StringBuilder();
        var pieces = random.Next(1, 4);
        for (var i = 0; i < pieces; i++)
        {
            text.Append(Piece(random, depth));
        }

        return text.ToString();
    }

    private static string Piece(Random random, int depth)
    {
        string Inner() => depth > 0 ? WellFormed(random, depth - 1) : "t";
        string Name() => new[] { "a", "b1", "_c", "mydomain", "" }[random.Next(5)];
        string Sp() => random.Next(3) == 0 ? " " : "";
        var (open, close) = random.Next(4) == 0 ? ("(", ")") : ("{", "}");
        return random.Next(10) switch
        {
            0 => "lit ",
            1 => "$$",
            2 => "$" + Name(),
            3 => $"${open}{Sp()}{Name()}{Sp()}{close}",
            4 => $"${open}{Name()}{Sp()}?{Sp()}{{{Inner()}}}{Sp()}:{Sp()}{{{Inner()}}}{close}",
            5 => $"${open}{Name()}?{Inner()}{close}",
            6 => $"${open}{Name()}:{Inner()}{close}",
            7 => $"${open}{Sp()}{{{Inner()}}}{Sp()}{new[] { "==", "!=", "<", "<=", ">=", ">", "==level", "<level" }[random.Next(8)]}{Sp()}{{{Inner()}}}{close}",
            8 => $"${open}{{{Inner()}}} != {{}}{Sp()}?{Sp()}{{{Inner()}}}{Sp()}:{Inner()}{close}",
            _ => $"${open}{Name()}?{{{Inner()}}}{close}",
        };
    }
}
