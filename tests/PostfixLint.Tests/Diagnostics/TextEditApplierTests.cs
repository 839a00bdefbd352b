using PostfixLint.Diagnostics;
using PostfixLint.Syntax;

namespace PostfixLint.Tests.Diagnostics;

public sealed class TextEditApplierTests
{
    private const string Text = "mynetworks = 127.0.0.0/8, 0.0.0.0/0\n";

    [Test]
    public void Applies_edits_to_the_original_offsets_in_any_order()
    {
        var result = TextEditApplier.Apply(Text, [
            TextEdit.Delete(new TextSpan(24, 11)),
            TextEdit.Replace(new TextSpan(0, 10), "relay_domains"),
            TextEdit.Insert(Text.Length, "# end\n"),
        ]);

        result.Succeeded.Should().BeTrue();
        result.Text.Should().Be("relay_domains = 127.0.0.0/8\n# end\n");
    }

    [Test]
    public void No_edits_give_back_the_text()
    {
        var result = TextEditApplier.Apply(Text, []);

        result.Succeeded.Should().BeTrue();
        result.Text.Should().Be(Text);
    }

    [Test]
    public void Adjacent_replacements_do_not_conflict()
    {
        var result = TextEditApplier.Apply("abcdef", [TextEdit.Replace(new TextSpan(0, 3), "X"), TextEdit.Replace(new TextSpan(3, 3), "Y")]);

        result.Succeeded.Should().BeTrue();
        result.Text.Should().Be("XY");
    }

    [Test]
    public void An_insertion_at_either_end_of_a_replacement_does_not_conflict()
    {
        var result = TextEditApplier.Apply("abcdef", [
            TextEdit.Insert(2, "<"),
            TextEdit.Replace(new TextSpan(2, 2), "CD"),
            TextEdit.Insert(4, ">"),
        ]);

        result.Succeeded.Should().BeTrue();
        result.Text.Should().Be("ab<CD>ef");
    }

    [Test]
    public void Overlapping_replacements_are_rejected_and_the_text_is_unchanged()
    {
        var first = TextEdit.Replace(new TextSpan(0, 4), "X");
        var second = TextEdit.Delete(new TextSpan(3, 2));

        var result = TextEditApplier.Apply("abcdef", [second, first]);

        result.Succeeded.Should().BeFalse();
        result.Text.Should().Be("abcdef");
        result.Conflicts.Should().Equal(new TextEditConflict(first, second));
    }

    [Test]
    public void Two_insertions_at_one_offset_are_rejected_because_their_order_is_ambiguous()
    {
        var result = TextEditApplier.Apply("abc", [TextEdit.Insert(1, "x"), TextEdit.Insert(1, "y")]);

        result.Conflicts.Should().ContainSingle();
        result.Text.Should().Be("abc");
    }

    [Test]
    public void An_insertion_inside_a_deleted_span_is_rejected()
    {
        var result = TextEditApplier.Apply("abcdef", [TextEdit.Delete(new TextSpan(1, 4)), TextEdit.Insert(3, "x")]);

        result.Conflicts.Should().ContainSingle();
    }

    [Test]
    public void A_conflict_with_an_earlier_longer_edit_is_found_past_a_shorter_one()
    {
        // [0,10) contains [2,3) and [5,6): the third edit conflicts with the first, not with its neighbour.
        var outer = TextEdit.Replace(new TextSpan(0, 10), "X");
        var result = TextEditApplier.Apply("0123456789", [outer, TextEdit.Delete(new TextSpan(2, 1)), TextEdit.Delete(new TextSpan(5, 1))]);

        result.Conflicts.Should().HaveCount(2).And.OnlyContain(c => c.First == outer);
    }

    [Test]
    public void Identical_edits_are_not_merged()
    {
        var edit = TextEdit.Replace(new TextSpan(1, 1), "B");

        TextEditApplier.Apply("abc", [edit, edit]).Succeeded.Should().BeFalse();
    }

    [Test]
    public void An_edit_outside_the_text_is_a_programming_error()
    {
        var act = () => TextEditApplier.Apply("abc", [TextEdit.Delete(new TextSpan(2, 5))]);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Test]
    public void Fixes_apply_whole_in_order_and_a_conflicting_fix_is_skipped()
    {
        var documents = new Dictionary<string, string> { ["main.cf"] = "a = 1\nb = 2\n", ["master.cf"] = "smtp inet n - y - - smtpd\n" };
        var both = Fix.Create("Rename a and comment master.cf", FixSafety.Safe, [
            new DocumentEdit("main.cf", TextEdit.Replace(new TextSpan(0, 1), "c")),
            new DocumentEdit("master.cf", TextEdit.Insert(0, "#")),
        ]);
        var conflicting = Fix.Create("Rename a again", FixSafety.Safe, "main.cf", TextEdit.Replace(new TextSpan(0, 5), "d = 1"));
        var independent = Fix.Create("Change b", FixSafety.Unsafe, "main.cf", TextEdit.Replace(new TextSpan(10, 1), "3"));

        var result = TextEditApplier.ApplyFixes(documents, [both, conflicting, independent]);

        result.Applied.Should().Equal(both, independent);
        result.Skipped.Should().Equal(conflicting);
        result.Documents["main.cf"].Should().Be("c = 1\nb = 3\n");
        result.Documents["master.cf"].Should().Be("#smtp inet n - y - - smtpd\n");
    }

    [Test]
    public void A_fix_whose_own_edits_overlap_or_that_names_an_unknown_document_is_skipped()
    {
        var documents = new Dictionary<string, string> { ["main.cf"] = "a = 1\n" };
        var overlapping = Fix.Create("Overlap", FixSafety.Safe, "main.cf", TextEdit.Delete(new TextSpan(0, 3)), TextEdit.Delete(new TextSpan(2, 2)));
        var elsewhere = Fix.Create("Elsewhere", FixSafety.Safe, "other.cf", TextEdit.Insert(0, "x"));

        var result = TextEditApplier.ApplyFixes(documents, [overlapping, elsewhere]);

        result.Applied.Should().BeEmpty();
        result.Skipped.Should().Equal(overlapping, elsewhere);
        result.Documents["main.cf"].Should().Be("a = 1\n");
    }
}
