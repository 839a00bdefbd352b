using PostfixLint.Diagnostics;
using PostfixLint.Syntax;

namespace PostfixLint.Tests.Diagnostics;

public sealed class FixTests
{
    [Test]
    public void Edits_are_sorted_by_path_then_start()
    {
        var fix = Fix.Create("Do it", FixSafety.Safe, [
            new DocumentEdit("main.cf", TextEdit.Insert(9, "b")),
            new DocumentEdit("b.cf", TextEdit.Insert(5, "c")),
            new DocumentEdit("main.cf", TextEdit.Replace(new TextSpan(2, 3), "a")),
        ]);

        fix.Edits.Select(e => (e.Path, e.Edit.Span.Start)).Should().Equal(("b.cf", 5), ("main.cf", 2), ("main.cf", 9));
        fix.Paths.Should().Equal("b.cf", "main.cf");
        fix.EditsFor("main.cf").Select(e => e.NewText).Should().Equal("a", "b");
    }

    [Test]
    public void Text_edit_factories_build_insertions_deletions_and_replacements()
    {
        TextEdit.Insert(3, "x").Should().Be(new TextEdit(new TextSpan(3, 0), "x"));
        TextEdit.Delete(new TextSpan(1, 2)).Should().Be(new TextEdit(new TextSpan(1, 2), string.Empty));
        TextEdit.Replace(new TextSpan(1, 2), "y").IsInsertion.Should().BeFalse();
    }
}
