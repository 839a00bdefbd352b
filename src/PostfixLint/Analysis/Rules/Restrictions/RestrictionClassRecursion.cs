using PostfixLint.Diagnostics;
using PostfixLint.Model.Values;

namespace PostfixLint.Analysis.Rules.Restrictions;

/// <summary>PFL202: a restriction class that invokes itself, directly or through other classes.</summary>
/// <remarks>
/// generic_checks() (<c>src/smtpd/smtpd_check.c</c>) calls itself for a class with no depth limit, and so does
/// has_required() at start-up: a cycle that smtpd reaches recurses until the process dies with a stack overflow.
/// </remarks>
internal sealed class RestrictionClassRecursion : Rule
{
    /// <summary>The rule's descriptor.</summary>
    public static RuleDescriptor Meta { get; } = new(
        "PFL202", "restriction-class-recursion", "A restriction class invokes itself",
        DiagnosticSeverity.Error, RuleCategory.Restrictions, FixAvailability.None);

    /// <inheritdoc />
    public override RuleDescriptor Descriptor => Meta;

    /// <inheritdoc />
    public override void Check(RuleContext context)
    {
        var reported = new HashSet<(string?, int)>();
        var lists = RestrictionLists.All(context).ToList();

        // Only a cycle smtpd can reach from one of its restriction lists makes it crash.
        var roots = lists.Where(l => !l.IsClass).SelectMany(l => Reachable(l.Items)).Select(r => r.Name).Distinct(StringComparer.Ordinal).ToList();
        foreach (var group in lists.Where(l => l.IsClass).GroupBy(l => l.Listener))
        {
            var classes = group.GroupBy(l => l.Name).ToDictionary(g => g.Key, g => g.Last());
            var state = new Dictionary<string, int>(StringComparer.Ordinal);
            var path = new List<string>();
            foreach (var name in roots.Where(classes.ContainsKey))
            {
                if (!state.ContainsKey(name))
                {
                    Visit(context, classes, name, state, path, reported);
                }
            }
        }
    }

    /// <summary>Depth-first walk over the class references smtpd can reach (those before an unconditional permit/reject/defer).</summary>
    /// <remarks>Keeps its own stack: a chain of thousands of classes must not overflow the .NET stack.</remarks>
    private static void Visit(RuleContext context, Dictionary<string, ScopedList> classes, string root, Dictionary<string, int> state, List<string> path, HashSet<(string?, int)> reported)
    {
        var stack = new List<IEnumerator<Restriction>>();
        Enter(root);
        while (stack.Count > 0)
        {
            var items = stack[^1];
            if (!items.MoveNext())
            {
                items.Dispose();
                stack.RemoveAt(stack.Count - 1);
                state[path[^1]] = 2;
                path.RemoveAt(path.Count - 1);
                continue;
            }

            var item = items.Current;
            if (!classes.ContainsKey(item.Name))
            {
                continue;
            }

            if (state.GetValueOrDefault(item.Name) == 1)
            {
                var cycle = path.Skip(path.IndexOf(item.Name)).Append(item.Name).ToList();
                var location = item.Origin?.Location;
                if (reported.Add((location?.Path, location?.Span.Start ?? -1)))
                {
                    var through = cycle.Count == 2 ? "itself" : $"itself through {string.Join(" → ", cycle)}";
                    context.Report(Meta,
                        $"restriction class `{cycle[0]}` invokes {through}: smtpd recurses without end when it gets here and dies with a stack overflow",
                        item.Origin, help: "break the cycle: a class must not invoke itself, directly or through another class");
                }
            }
            else if (!state.ContainsKey(item.Name))
            {
                Enter(item.Name);
            }
        }

        void Enter(string name)
        {
            state[name] = 1;
            path.Add(name);
            stack.Add(Reachable(classes[name].Items).GetEnumerator());
        }
    }

    private static IEnumerable<Restriction> Reachable(IEnumerable<Restriction> items)
    {
        foreach (var item in items)
        {
            yield return item;
            if (RestrictionLists.EndsList(item))
            {
                yield break;
            }
        }
    }
}
