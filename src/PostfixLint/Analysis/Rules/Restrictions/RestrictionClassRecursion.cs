using PostfixLint.Diagnostics;
using PostfixLint.Model.Values;

namespace PostfixLint.Analysis.Rules.Restrictions;

/// <summary>PFL202: a restriction class that invokes itself, directly or through other classes, or a chain of classes deeper than smtpd's stack.</summary>
/// <remarks>
/// generic_checks() (<c>src/smtpd/smtpd_check.c</c>) calls itself for a class with no depth limit, and so does
/// has_required() at start-up: a cycle that smtpd reaches recurses until the process dies with a stack overflow, and
/// so does an acyclic chain of more than <see cref="Simulation.RestrictionWalker.SmtpdMaxClassNesting"/> classes (the
/// simulator answers <c>error</c> there).
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
            var heights = new Dictionary<string, int>(StringComparer.Ordinal);
            var path = new List<string>();
            foreach (var name in roots.Where(classes.ContainsKey))
            {
                if (!state.ContainsKey(name))
                {
                    Visit(context, classes, name, state, heights, path, reported);
                }
            }
        }
    }

    /// <summary>Depth-first walk over the class references smtpd can reach (those before an unconditional permit/reject/defer).</summary>
    /// <remarks>
    /// Keeps its own stack: a chain of thousands of classes must not overflow the .NET stack. A finished class keeps
    /// its height (the longest chain of classes it starts), so a chain that passes smtpd's limit only through a class
    /// reached earlier by a shorter way is still found.
    /// </remarks>
    private static void Visit(RuleContext context, Dictionary<string, ScopedList> classes, string root, Dictionary<string, int> state, Dictionary<string, int> heights, List<string> path, HashSet<(string?, int)> reported)
    {
        const int Limit = Simulation.RestrictionWalker.SmtpdMaxClassNesting;
        var stack = new List<IEnumerator<Restriction>>();
        var tallest = new List<int>();
        var deepReported = false;
        Enter(root);
        while (stack.Count > 0)
        {
            var items = stack[^1];
            if (!items.MoveNext())
            {
                items.Dispose();
                stack.RemoveAt(stack.Count - 1);
                var height = 1 + tallest[^1];
                tallest.RemoveAt(tallest.Count - 1);
                heights[path[^1]] = height;
                state[path[^1]] = 2;
                path.RemoveAt(path.Count - 1);
                if (tallest.Count > 0)
                {
                    tallest[^1] = Math.Max(tallest[^1], height);
                }

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

                continue;
            }

            var finished = state.ContainsKey(item.Name);
            var below = finished ? heights.GetValueOrDefault(item.Name) : 1;
            if (!deepReported && path.Count + below > Limit)
            {
                deepReported = true;
                ReportTooDeep(context, path, item, path.Count + below, finished, reported);
            }

            if (finished)
            {
                tallest[^1] = Math.Max(tallest[^1], below);
            }
            else
            {
                Enter(item.Name);
            }
        }

        void Enter(string name)
        {
            state[name] = 1;
            path.Add(name);
            stack.Add(Reachable(classes[name].Items).GetEnumerator());
            tallest.Add(0);
        }
    }

    // smtpd survives SmtpdMaxClassNesting nested classes and dies of a stack overflow at one more (measured on 3.7.11).
    private static void ReportTooDeep(RuleContext context, List<string> path, Restriction item, int depth, bool continues, HashSet<(string?, int)> reported)
    {
        var location = item.Origin?.Location;
        if (!reported.Add((location?.Path, location?.Span.Start ?? -1)))
        {
            return;
        }

        var chain = path.Count <= 4
            ? string.Join(" → ", path.Append(item.Name))
            : $"{string.Join(" → ", path.Take(2))} → … ({path.Count - 3} more) → {path[^1]} → {item.Name}";
        context.Report(Meta,
            $"restriction classes nest {depth} deep through `{item.Name}` here ({chain}{(continues ? " → …" : "")}), more than the "
            + $"{Simulation.RestrictionWalker.SmtpdMaxClassNesting} smtpd survives: it runs out of stack when it gets here and dies with a stack overflow",
            item.Origin, help: "flatten the chain: let a class list the restrictions of the classes it invokes instead of invoking them");
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
