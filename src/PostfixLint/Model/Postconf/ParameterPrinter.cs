using System.Collections.Immutable;
using System.Text;
using PostfixLint.Diagnostics;

namespace PostfixLint.Model.Postconf;

/// <summary>Prints <c>name = value</c> lines as <c>postconf</c> [<c>-d</c>|<c>-n</c>] [<c>-x</c>] [names] does (src/postconf/postconf_print.c).</summary>
/// <remarks>Adds expansion warnings to the shared messages; the engine's lock keeps one print at a time.</remarks>
internal sealed class ParameterPrinter(PostconfState state, PostconfValues values, UnusedParameters unused)
{
    /// <summary>The lines and messages for <paramref name="query"/>.</summary>
    public PostconfOutput Print(PostconfQuery query)
    {
        var lines = ImmutableArray.CreateBuilder<string>();
        // A set-up stopped only at our own expansion limit still prints raw values (postconf -n does not expand).
        var rawDespiteLimit = state.OwnLimitFatal is not null && !query.Expand;
        if (state.Failed && !rawDespiteLimit)
        {
            return new PostconfOutput(lines.ToImmutable(), [.. state.Messages.Items], true);
        }

        var queryMessages = new List<Diagnostic>();
        try
        {
            if (query.Names.IsDefaultOrEmpty)
            {
                foreach (var name in state.Names.ListedNames())
                {
                    state.Names.TryGet(name, out var node);
                    PrintParameter(lines, query, name, node);
                }
            }
            else
            {
                foreach (var name in query.Names)
                {
                    if (state.Names.TryGet(name, out var node))
                    {
                        PrintParameter(lines, query, name, node);
                    }
                    else
                    {
                        queryMessages.Add(new Diagnostic(DiagnosticIds.UnknownParameter, DiagnosticSeverity.Warning, null, null, $"{name}: unknown parameter"));
                    }
                }
            }
        }
        catch (PostconfFatalException fatal)
        {
            List<Diagnostic> failed = [.. state.Messages.Items, .. queryMessages];
            if (!fatal.AlreadyReported)
            {
                failed.Add(new Diagnostic(fatal.Id, DiagnosticSeverity.Fatal, null, null, fatal.Message));
            }

            return StdoutBuffer.CutAtFatal(lines.ToImmutable()) with { Messages = [.. failed], Failed = true };
        }

        List<Diagnostic> messages = [.. state.Messages.Items.Where(m => !ReferenceEquals(m, state.OwnLimitFatal)), .. queryMessages];
        if (!state.DefaultsOnly)
        {
            messages.AddRange(unused.Warnings(includeMainCf: true));
        }

        return new PostconfOutput(lines.ToImmutable(), [.. messages], false);
    }

    /// <summary>
    /// postconf prints every line with runs of blanks collapsed to one space and no leading or trailing blanks
    /// (src/postconf/postconf_print.c <c>pcf_print_line()</c>), so an empty value prints as <c>name =</c>.
    /// </summary>
    public static string NormalizeWhitespace(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (c is ' ' or '\t' or '\r' or '\n')
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private void PrintParameter(ImmutableArray<string>.Builder lines, PostconfQuery query, string name, PostconfNode node)
    {
        // src/postconf/postconf_lookup.c pcf_lookup_parameter_value(): -d shows defaults only; -n shows only
        // main.cf values; otherwise main.cf wins over the default.
        string? value;
        if (state.DefaultsOnly)
        {
            value = node.DefaultValue();
        }
        else if (state.Main.TryGetValue(name, out var explicitValue))
        {
            value = explicitValue;
        }
        else
        {
            value = query.NonDefaultOnly ? null : node.DefaultValue();
        }

        if (value is null)
        {
            return;
        }

        if (query.Expand && (node.Flags & PostconfNodeFlags.Raw) == 0)
        {
            value = values.Expand(value, null);
        }

        lines.Add(NormalizeWhitespace(name + " = " + value));
    }
}
