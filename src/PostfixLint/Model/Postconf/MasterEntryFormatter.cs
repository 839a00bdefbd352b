using System.Text;
using PostfixLint.Syntax;

namespace PostfixLint.Model.Postconf;

/// <summary>Formats master.cf entries the way <c>postconf -M</c> and <c>postconf -P</c> print them.</summary>
internal static class MasterEntryFormatter
{
    // src/postconf/postconf_master.c pcf_print_master_entry(): the column each of the eight fields aims for.
    private static readonly int[] s_columnGoal = [0, 11, 17, 25, 33, 41, 49, 57];

    /// <summary>One <c>postconf -M</c> line: fields padded to their columns, then the normalized arguments.</summary>
    public static string FormatEntry(ServiceEntrySyntax entry)
    {
        ServiceFieldSyntax[] fields =
            [entry.Service, entry.Type, entry.Private, entry.Unprivileged, entry.Chroot, entry.Wakeup, entry.MaxProcesses, entry.Command];
        var line = new StringBuilder();
        for (var i = 0; i < fields.Length; i++)
        {
            if (line.Length > 0)
            {
                do
                {
                    line.Append(' ');
                }
                while (line.Length < s_columnGoal[i]);
            }

            line.Append(fields[i].Text);
        }

        var args = entry.NormalizedArguments;
        var inOptions = true;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            string? value = null;
            var braces = false;
            if (inOptions)
            {
                if (arg.Length == 0 || arg[0] != '-' || arg == "--")
                {
                    // postconf never braces the first non-option argument.
                    inOptions = false;
                }
                else if ((arg.Length == 1 || arg[1] == 'o') && i + 1 < args.Length)
                {
                    value = args[i + 1];
                    braces = HasBlank(value);
                }
            }
            else
            {
                braces = HasBlank(arg);
            }

            line.Append(' ').Append(!inOptions && braces ? "{" + arg + "}" : arg);
            if (value is not null)
            {
                line.Append(' ').Append(braces ? "{" + value + "}" : value);
                i++;
            }
        }

        return line.ToString();
    }

    /// <summary>The <c>postconf -P</c> lines of one entry: the last value of each <c>-o</c> name, sorted by name.</summary>
    public static IEnumerable<(string Parameter, string Line)> FormatParameters(ServiceEntrySyntax entry)
    {
        var last = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var o in entry.Overrides)
        {
            last[o.Name] = o.Value;
        }

        return last.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => (p.Key, ParameterPrinter.NormalizeWhitespace($"{entry.Service.Text}/{entry.Type.Text}/{p.Key} = {p.Value}")));
    }

    private static bool HasBlank(string s) => s.AsSpan().IndexOfAny(" \t\r\n") >= 0;
}
