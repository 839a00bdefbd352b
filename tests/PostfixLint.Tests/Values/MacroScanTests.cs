using System.Text;
using PostfixLint.Model.Values;
using PostfixLint.Syntax;

namespace PostfixLint.Tests.Values;

/// <summary>The macro syntax as postconf scans it (<see cref="MacroReferences.Scan"/>, the port of <c>mac_parse()</c>/<c>mac_expand()</c>).</summary>
public sealed class MacroScanTests
{
    // Inputs of Postfix 3.7's src/util/mac_expand.in and src/global/compat_level_expand.in (as in MacroExpanderTests):
    // the names postconf's scan visits (name@offset) and, for a syntax error, the warning it logs.
    [TestCase("$name1", "name1@1", null)]
    [TestCase("$(name1", "", "truncated macro reference: \"$(name1\"")]
    [TestCase("$(name1)", "name1@2", null)]
    [TestCase("$( name1)", "name1@3", null)]
    [TestCase("$(name1 )", "name1@2", null)]
    [TestCase("$(na me1)", "", "attribute name syntax error at: \"...na>>> me1\"")]
    [TestCase("${na me1}", "", "attribute name syntax error at: \"...na>>> me1\"")]
    [TestCase("${${name1} != {}?name 1 defined, |$name1|$name2|}", "", "attribute name syntax error at: \"...>>>${name1} != {}?name \"")]
    [TestCase("${ ${name1} != {}?name 1 defined, |$name1|$name2|}", "", "attribute name syntax error at: \"... >>>${name1} != {}?name \"")]
    [TestCase("${ ${name1} ?name 1 defined, |$name1|$name2|}", "", "attribute name syntax error at: \"... >>>${name1} ?name 1 def\"")]
    [TestCase("${{$name1} ? {name 1 defined, |$name1|$name2|} : {name 1 undefined, |$name1|$name2|} }", "", "\"==\" or \"!=\"\" or \"<\"\" or \"<=\"\" or \">=\"\" or \">\" expected at: \"...$name1}>>>? {name 1 defined, |\"")]
    [TestCase("${x{$name1} != {}?{name 1 defined, |$name1|$name2|}}", "", "attribute name syntax error at: \"...x>>>{$name1} != {}?{name\"")]
    [TestCase("${{$name1}x?{name 1 defined, |$name1|$name2|}}", "", "\"==\" or \"!=\"\" or \"<\"\" or \"<=\"\" or \">=\"\" or \">\" expected at: \"...$name1}>>>x?{name 1 defined, |\"")]
    [TestCase("${{$name1} != {}x{name 1 defined, |$name1|$name2|}}", "name1@4", "\"?\" or \":\" expected at: \"...}>>>x{name 1 defined, |$\"")]
    [TestCase("${{$name1} != {}?x{name 1 defined, |$name1|$name2|}}", "name1@4,name1@37,name2@44", null)]
    [TestCase("${{$name2} != {}?x{name 2 defined, |$name1|$name2|}:{name 2 undefined, |$name1|$name2|}}", "name2@4,name1@37,name2@44,name1@73,name2@80", null)]
    [TestCase("${{$name1} != {}?{name 1 defined, |$name1|$name2|}x}", "name1@4,name1@36,name2@43", "\":\" expected at: \"...name 1 defined, |$name1|$name2|}>>>x\"")]
    [TestCase("${{$name1} != {}?{name 1 defined, |$name1|$name2|}:x{name 1 undefined, |$name1|$name2|}}", "name1@4,name1@36,name2@43,name1@73,name2@80", null)]
    [TestCase("${{$name2} != {}?{name 2 defined, |$name1|$name2|}:x{name 2 undefined, |$name1|$name2|}}", "name2@4,name1@36,name2@43,name1@73,name2@80", null)]
    [TestCase("${{text}}", "", "\"==\" or \"!=\"\" or \"<\"\" or \"<=\"\" or \">=\"\" or \">\" expected at: \"...text}>>>\"")]
    [TestCase("${{text} = {}}", "", "\"==\" or \"!=\"\" or \"<\"\" or \"<=\"\" or \">=\"\" or \">\" expected at: \"...text}>>>= {}\"")]
    [TestCase("${{${ name1}} == {}}", "name1@6", null)]
    [TestCase("${name1?{${ name1}}:{${name2}}}", "name1@2,name1@12,name2@23", null)]
    [TestCase("${name2?{${ name1}}:{${name2}}}", "name2@2,name1@12,name2@23", null)]
    [TestCase("${name2:{${name1}}:{${name2}}}", "name2@2,name1@11", "unexpected input at: \"...${name1}}>>>:{${name2}}\"")]
    [TestCase("${name2?{${name1}}?{${name2}}}", "name2@2,name1@11", "\":\" expected at: \"...${name1}}>>>?{${name2}}\"")]
    [TestCase("${{${name1?bug:test}} != {bug:test}?{Error: NOT}:{Good:}} Postfix 2.11 compatible", "name1@5", null)]
    [TestCase("${{${name1??bug}} != {?bug}?{Error: NOT}:{Good:}} Postfix 2.11 compatible", "name1@5", null)]
    [TestCase("${{${name2::bug}} != {:bug}?{Error: NOT}:{Good:}} Postfix 2.11 compatible", "name2@5", null)]
    [TestCase("${{xx}==(yy)?{oops}:{phew}}", "", "\"{expression}\" expected at: \"...{xx} ==>>>(yy)?{oops}:{phew}\"")]
    [TestCase("${name1?name 1 defined, |$name1|$name2|}", "name1@2,name1@26,name2@33", null)]
    [TestCase("${name1:name 1 undefined, |$name1|$name2|}", "name1@2,name1@28,name2@35", null)]
    [TestCase("${{$name1} != {}}", "name1@4", null)]
    [TestCase("${{$name2} != {} ? {name 2 defined, |$name1|$name2|} : name 2 undefined, |$name1|$name2|}", "name2@4,name1@38,name2@45,name1@75,name2@82", null)]
    [TestCase("${{1} <  {1}}", "", null)]
    [TestCase("${{1} <= {2}}", "", null)]
    [TestCase("${{a} >= {b}}", "", null)]
    [TestCase("${{$name1} >=blah {bar}}", "", "bad operator suffix at: \"...>=>>>blah\"")]
    [TestCase("${{aaa} > {bb}}", "", null)]
    [TestCase("${{3.0} <level {3.1}}", "", null)]
    [TestCase("${{$compatibility_level} >=level {2}?{yes}:{no}}", "compatibility_level@4", null)]
    [TestCase("$", "", "empty macro name: \"$\"")]
    [TestCase("$$", "", null)]
    [TestCase("a$$b", "", null)]
    [TestCase("${}", "", "empty macro name: \"${}\"")]
    [TestCase("$()", "", "empty macro name: \"$()\"")]
    [TestCase("${ }", "@3", null)]
    [TestCase("${?x}", "@2", null)]
    public void Scans_the_upstream_vectors_like_postconf(string value, string names, string? error)
    {
        var scan = MacroReferences.Scan(value);

        string.Join(",", scan.References.Select(r => $"{r.Name}@{r.Span.Start}")).Should().Be(names);
        scan.HasSyntaxError.Should().Be(error is not null);
        if (error is not null)
        {
            scan.Messages.Select(m => m.Message).Should().Equal(error);
        }
    }

    [Test]
    public void Finds_each_reference_with_the_span_of_its_name_and_of_the_whole_reference()
    {
        const string value = "a$$b $x ${y} $(z) ${c?{$d}:e} ${{$f} ==level {3.6} ? yes}";

        var scan = MacroReferences.Scan(value);

        scan.HasSyntaxError.Should().BeFalse();
        scan.References.Select(r => (r.Name, Text(value, r.Span), Text(value, r.ReferenceSpan))).Should().Equal(
            ("x", "x", "$x"), ("y", "y", "${y}"), ("z", "z", "$(z)"), ("c", "c", "${c?{$d}:e}"), ("d", "d", "$d"), ("f", "f", "$f"));
    }

    [TestCase("${a", "truncated macro reference: \"${a\"")]
    [TestCase("x $(a b) y", "attribute name syntax error at: \"...a>>> b\"")]
    [TestCase("${{a} =! {b}}", "\"==\" or \"!=\"\" or \"<\"\" or \"<=\"\" or \">=\"\" or \">\" expected at: \"...a}>>>=! {b}\"")]
    [TestCase("$ x", "empty macro name: \"$ x\"")]
    public void Reports_a_syntax_error_with_postfix_text(string value, string error)
    {
        var scan = MacroReferences.Scan(value);

        scan.HasSyntaxError.Should().BeTrue();
        scan.Messages.Select(m => m.Message).Should().Equal(error);
    }

    [Test]
    public void Reference_spans_hold_on_generated_values()
    {
        var random = new Random(3711);
        var valid = 0;
        var problems = new List<string>();
        const int count = 6000;
        for (var n = 0; n < count; n++)
        {
            var value = n % 2 == 0 ? RandomTokens(random) : Mutate(random, WellFormed(random, 3));
            var scan = MacroReferences.Scan(value);
            valid += scan.HasSyntaxError ? 0 : 1;

            // Plain checks (FluentAssertions per value would dominate the run time).
            foreach (var reference in scan.References)
            {
                if (Text(value, reference.Span) != reference.Name
                    || value[reference.ReferenceSpan.Start] != '$'
                    || reference.Span.Start < reference.ReferenceSpan.Start
                    || reference.Span.End > reference.ReferenceSpan.End)
                {
                    problems.Add($"{reference} in \"{value}\"");
                }
            }
        }

        problems.Should().BeEmpty();

        // Both halves must exercise the parser: plenty of valid and plenty of invalid values.
        valid.Should().BeInRange(count / 5, count * 4 / 5);
    }

    private static string Text(string value, TextSpan span) => value.Substring(span.Start, span.Length);

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
