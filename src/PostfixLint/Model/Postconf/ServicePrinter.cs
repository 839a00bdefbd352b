using System.Collections.Immutable;
using PostfixLint.Diagnostics;
using PostfixLint.Syntax;

namespace PostfixLint.Model.Postconf;

/// <summary>Prints master.cf as <c>postconf -M</c> (entries) or <c>postconf -P</c> (the <c>-o</c> parameters) does (src/postconf/postconf_master.c).</summary>
internal sealed class ServicePrinter(PostconfState state, UnusedParameters unused)
{
    /// <summary>
    /// The lines for the <c>service[/type]</c> or <c>service/type/parameter</c> patterns in <paramref name="patterns"/>
    /// (<c>*</c> matches anything; none means all), then warnings about unmatched patterns and unused master.cf parameters.
    /// </summary>
    public PostconfOutput Print(bool parameters, IReadOnlyList<string> patterns)
    {
        if (state.Failed)
        {
            return new PostconfOutput([], [.. state.Messages.Items], true);
        }

        var requests = new List<Request>();
        foreach (var pattern in patterns)
        {
            if (Request.Parse(pattern, parameters) is not { } request)
            {
                var usage = parameters ? "-P option requires service_name[/type[/parameter]]" : "-M option requires service_name[/type]";
                return new PostconfOutput(
                    [], [.. state.Messages.Items, new Diagnostic(DiagnosticIds.InvalidServicePattern, DiagnosticSeverity.Fatal, null, null, usage)], true);
            }

            requests.Add(request);
        }

        var lines = ImmutableArray.CreateBuilder<string>();
        foreach (var service in state.Config.Services)
        {
            if (service.Syntax is not { } entry)
            {
                continue;
            }

            if (parameters)
            {
                PrintParameters(lines, requests, service, entry);
            }
            else
            {
                PrintEntry(lines, requests, service, entry);
            }
        }

        List<Diagnostic> messages = [.. state.Messages.Items];
        messages.AddRange(requests.Where(r => r.Matches == 0).Select(r => new Diagnostic(
            DiagnosticIds.UnmatchedServiceRequest, DiagnosticSeverity.Warning, null, null, $"unmatched request: \"{r.Text}\"")));
        messages.AddRange(unused.Warnings(includeMainCf: false));
        return new PostconfOutput(lines.ToImmutable(), [.. messages], false);
    }

    private static void PrintEntry(ImmutableArray<string>.Builder lines, List<Request> requests, MasterService service, ServiceEntrySyntax entry)
    {
        var line = MasterEntryFormatter.FormatEntry(entry);
        if (requests.Count == 0)
        {
            lines.Add(line);
        }

        foreach (var request in requests)
        {
            if (request.MatchesService(service))
            {
                request.Matches++;
                lines.Add(line);
            }
        }
    }

    private static void PrintParameters(ImmutableArray<string>.Builder lines, List<Request> requests, MasterService service, ServiceEntrySyntax entry)
    {
        var parameterLines = MasterEntryFormatter.FormatParameters(entry).ToList();
        if (parameterLines.Count == 0)
        {
            return;
        }

        if (requests.Count == 0)
        {
            lines.AddRange(parameterLines.Select(p => p.Line));
        }

        foreach (var request in requests)
        {
            if (!request.MatchesService(service))
            {
                continue;
            }

            var parameter = request.Parts[2];
            var selected = parameter == "*" ? parameterLines : parameterLines.Where(p => p.Parameter == parameter).ToList();
            if (parameter == "*" || selected.Count > 0)
            {
                lines.AddRange(selected.Select(p => p.Line));
                request.Matches++;
            }
        }
    }

    // One service[/type[/parameter]] pattern, padded with '*', and how many services it matched.
    private sealed class Request(string text, string[] parts)
    {
        public string Text => text;

        public string[] Parts => parts;

        public int Matches { get; set; }

        public static Request? Parse(string pattern, bool parameters)
        {
            var parts = pattern.Split('/', StringSplitOptions.RemoveEmptyEntries);
            var max = parameters ? 3 : 2;
            if (pattern.StartsWith('/') || parts.Length < 1 || parts.Length > max || parts.Any(p => p != "*" && p.Contains('*')))
            {
                return null;
            }

            return new Request(pattern, [.. parts, .. Enumerable.Repeat("*", max - parts.Length)]);
        }

        public bool MatchesService(MasterService service) =>
            Match(parts[0], service.Name) && Match(parts[1], service.Type);

        private static bool Match(string pattern, string value) => pattern == "*" || pattern == value;
    }
}
