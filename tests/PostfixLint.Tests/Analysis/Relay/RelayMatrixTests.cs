using System.Net;
using PostfixLint.Analysis.Relay;
using PostfixLint.Simulation;

namespace PostfixLint.Tests.Analysis.Relay;

[TestFixture]
public sealed class RelayMatrixTests
{
    [Test]
    public void The_matrix_has_a_row_per_class_and_login_and_a_column_per_recipient_class()
    {
        const string main = """
            mynetworks = 127.0.0.0/8 192.168.0.0/16
            smtpd_sasl_auth_enable = yes
            smtpd_sender_login_maps = inline:{ app@example.com=alice }
            smtpd_relay_restrictions = permit_mynetworks, permit_sasl_authenticated, reject_unauth_destination
            relay_domains = partner.example
            """;
        var analyzer = RelayFixture.Analyzer(main);

        var matrix = analyzer.BuildMatrices().Should().ContainSingle().Subject;

        matrix.Columns.Select(c => c.Class).Should().Contain([AddressClass.Default, AddressClass.Relay, AddressClass.Local]);
        matrix.Rows.Select(r => r.SaslLogin).Distinct().Should().Equal(null, "alice", "unknown-login");
        var remote = matrix.Columns.IndexOf(matrix.Columns.First(c => c.Class == AddressClass.Default));
        var relay = matrix.Columns.IndexOf(matrix.Columns.First(c => c.Class == AddressClass.Relay));

        var lan = matrix.Rows.First(r => r.SaslLogin is null && r.Client.Contains(IPAddress.Parse("192.168.7.7")));
        lan.Cells[remote].ReplyCode.Should().Be("250");
        lan.Cells[remote].Deciding!.Restriction.Should().Be("permit_mynetworks");

        var outsider = matrix.Rows.First(r => r.SaslLogin is null && r.Client.Contains(IPAddress.Parse("8.8.8.8")));
        outsider.Cells[remote].Reply.Should().Be($"554 5.7.1 <{matrix.Columns[remote].Recipient}>: Relay access denied");
        outsider.Cells[relay].ReplyCode.Should().Be("250");

        var alice = matrix.Rows.First(r => r.SaslLogin == "alice" && r.Client.Contains(IPAddress.Parse("8.8.8.8")));
        alice.Cells[remote].ReplyCode.Should().Be("250");
        alice.Cells[remote].Deciding!.Restriction.Should().Be("permit_sasl_authenticated");
    }
}
