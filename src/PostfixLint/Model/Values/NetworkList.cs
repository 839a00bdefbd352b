using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using PostfixLint.Diagnostics;
using PostfixLint.Syntax;
using PostfixLint.Syntax.Grammar;

namespace PostfixLint.Model.Values;

/// <summary>Parses host/network match lists (<c>mynetworks</c> and friends) as <c>src/util/match_list.c</c> and <c>match_ops.c</c> do.</summary>
public static class NetworkList
{
    /// <summary>The parsed list: its entries and the messages Postfix would log.</summary>
    /// <param name="Entries">Entries up to a <c>#</c> comment or a fatal <c>!</c>.</param>
    /// <param name="Messages">Diagnostics without a path or span (the list is parsed after expansion): the comment warning, the fatal <c>no pattern after '!'</c>, and the lazily reported CIDR errors as warnings prefixed with the parameter name.</param>
    public sealed record Result(ImmutableArray<NetworkEntry> Entries, ImmutableArray<Diagnostic> Messages);

    /// <summary>Parses an (already expanded) list value.</summary>
    internal static Result Parse(string value, string parameterName = "mynetworks")
    {
        ArgumentNullException.ThrowIfNull(value);
        var entries = ImmutableArray.CreateBuilder<NetworkEntry>();
        var messages = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (var element in PostfixList.Split(value))
        {
            if (element.Text.StartsWith('#'))
            {
                // match_list_parse(): "%s: comment at end of line is not supported: %s %s" with the token and the text after its separator.
                var restStart = Math.Min(element.Span.End + 1, value.Length);
                messages.Add(new Diagnostic(DiagnosticIds.NetworkListComment, DiagnosticSeverity.Warning, null, null,
                    $"{parameterName}: comment at end of line is not supported: {element.Text} {value[restStart..]}"));
                break;
            }

            var syntax = NetworkElementGrammar.TryParse(element.Text);
            if (syntax is null)
            {
                messages.Add(new Diagnostic(DiagnosticIds.NetworkListNoPattern, DiagnosticSeverity.Fatal, null, null, $"{parameterName}: no pattern after '!'"));
                break;
            }

            var entry = Classify(element.Text, syntax, element.Span) with
            {
                SeparatorBefore = element.SeparatorBefore,
                SeparatorAfter = element.SeparatorAfter,
            };
            if (entry.Error != null)
            {
                messages.Add(new Diagnostic(DiagnosticIds.NetworkListBadCidr, DiagnosticSeverity.Warning, null, null, $"{parameterName}: {entry.Error}"));
            }

            entries.Add(entry);
        }

        return new Result(entries.ToImmutable(), messages.ToImmutable());
    }

    private static NetworkEntry Classify(string text, NetworkElementSyntax syntax, TextSpan span)
    {
        var item = text.Substring(syntax.PatternSpan.Start, syntax.PatternSpan.Length);
        var negations = syntax.Negations;
        switch (syntax.Shape)
        {
            case NetworkElementShape.File:
                return new NetworkEntry(item, span, negations, NetworkEntryKind.File);
            case NetworkElementShape.Table:
                return new NetworkEntry(item, span, negations, NetworkEntryKind.Table)
                {
                    Map = syntax.Map is { } map ? new MapReference(map.Type, map.Name, new TextSpan(span.Start + negations, item.Length)) : null,
                };
            case NetworkElementShape.AddressPattern:
                {
                    // match_hostaddr(): only these reach cidr_match_parse(), whose messages are kept verbatim.
                    var error = CidrText.Parse(item, out var network);
                    return error == null
                        ? new NetworkEntry(item, span, negations, NetworkEntryKind.Network) { Network = network }
                        : new NetworkEntry(item, span, negations, NetworkEntryKind.InvalidNetwork) { Error = error };
                }

            case NetworkElementShape.Address:
                {
                    var bare = item.StartsWith('[') ? item[1..^1] : item;
                    return new NetworkEntry(item, span, negations, NetworkEntryKind.Address)
                    {
                        Address = CidrText.TryParseInetPton(bare, AddressFamily.InterNetwork, out var address) ? address : null,
                    };
                }

            default:
                return new NetworkEntry(item, span, negations, NetworkEntryKind.Hostname);
        }
    }

    /// <summary>Port of <c>cidr_match_parse()</c> (<c>src/util/cidr_match.c</c>): null on success, else Postfix's message.</summary>
    /// <remarks>A forwarder: the parser lives in the Syntax layer (<see cref="CidrText"/>) so table syntax can use it.</remarks>
    internal static string? ParseCidr(string text, out IPNetwork network) => CidrText.Parse(text, out network);
}
