using System.Collections.Immutable;
using PostfixLint.Model.Values;
using PostfixLint.Syntax;

namespace PostfixLint.Model;

/// <summary>Maps spans of an expanded value back to the parameter values (and documents) their text came from.</summary>
/// <remarks>
/// Built from what <see cref="ExpansionRecorder"/> noted while the value was expanded, not by searching strings.
/// A span whose characters come from several values is placed in the innermost value that holds all of them, where
/// the references that gave the rest stand in for their text (<see cref="ValueOrigin.ContainsExpansion"/>).
/// </remarks>
internal sealed class ExpansionMap
{
    private readonly IReadOnlyList<ExpansionFrame> _frames;
    private readonly IReadOnlyList<ExpansionRun> _runs;
    private readonly string _root;
    private readonly Func<string, ValueSource?> _resolve;
    private System.Collections.Concurrent.ConcurrentDictionary<int, ImmutableArray<MacroExpansionStep>?>? _steps;

    private ExpansionMap(IReadOnlyList<ExpansionFrame> frames, IReadOnlyList<ExpansionRun> runs, string root, Func<string, ValueSource?> resolve)
    {
        _frames = frames;
        _runs = runs;
        _root = root;
        _resolve = resolve;
    }

    /// <summary>A map over what <paramref name="recorder"/> noted while <paramref name="root"/>'s value was expanded.</summary>
    /// <param name="recorder">The recorder the expansion ran with.</param>
    /// <param name="root">The parameter whose value was expanded.</param>
    /// <param name="resolve">The unexpanded value of a parameter and where it is written, as the expansion looked it up.</param>
    public static ExpansionMap FromRecorder(ExpansionRecorder recorder, string root, Func<string, ValueSource?> resolve) =>
        new(recorder.Frames, recorder.Runs, root, resolve);

    /// <summary>A map for a value used as written (a raw parameter): every character is its own.</summary>
    public static ExpansionMap Identity(int length, string root, Func<string, ValueSource?> resolve) =>
        new([new ExpansionFrame(-1, null, default)], length == 0 ? [] : [new ExpansionRun(0, length, 0, 0, length)], root, resolve);

    /// <summary>Where the text at <paramref name="span"/> of the expanded value comes from; null when it has no parameter (computed text).</summary>
    public ValueOrigin? Locate(TextSpan span) => Project(span) is { } projection ? ToOrigin(projection) : null;

    /// <summary>
    /// Where to delete a list item: <see cref="ListSeparators.DeletionSpan"/> placed in the value that holds the
    /// item, trying the separator after the item, then the one before it, then the item alone when nothing else is
    /// left in that value; null when every choice would cut into text from another value.
    /// </summary>
    public ValueOrigin? LocateDeletion(TextSpan item, TextSpan before, TextSpan after)
    {
        if (Project(item) is not { ContainsExpansion: false } own)
        {
            return null;
        }

        if (!after.IsEmpty && Project(TextSpan.FromBounds(item.Start, after.End)) is { ContainsExpansion: false } following
            && following.Frame == own.Frame)
        {
            return ToOrigin(following);
        }

        if (!before.IsEmpty && Project(TextSpan.FromBounds(before.Start, item.End)) is { ContainsExpansion: false } preceding
            && preceding.Frame == own.Frame)
        {
            return ToOrigin(preceding);
        }

        // The item is the only one in its value (e.g. "$a, b" with a = "x"): deleting it alone leaves only separators.
        var value = SourceOf(own.Frame)?.Value;
        if (value is not null && value.Remove(own.Span.Start, own.Span.Length).All(c => PostfixList.Separators.Contains(c)))
        {
            return ToOrigin(own);
        }

        return null;
    }

    /// <summary>Sets the origins of the elements of a list.</summary>
    public ImmutableArray<ListElement> Attach(ImmutableArray<ListElement> elements) => [.. elements.Select(Attach)];

    /// <summary>Sets the origins of a restriction list's entries and their arguments.</summary>
    public ImmutableArray<Restriction> Attach(ImmutableArray<Restriction> restrictions) => [.. restrictions.Select(r => r with
    {
        Origin = Locate(r.Span),
        DeletionOrigin = LocateDeletion(r.FullSpan, r.SeparatorBefore, r.SeparatorAfter),
        Argument = r.Argument is { } argument ? Attach(argument) : null,
    })];

    /// <summary>Sets the origins of a network list's entries and their tables.</summary>
    public NetworkList.Result Attach(NetworkList.Result result) => result with
    {
        Entries = [.. result.Entries.Select(e => e with
        {
            Origin = Locate(e.Span),
            DeletionOrigin = LocateDeletion(e.Span, e.SeparatorBefore, e.SeparatorAfter),
            Map = e.Map is { } map ? Attach(map) : null,
        })],
    };

    /// <summary>Sets the origins of table references.</summary>
    public ImmutableArray<MapReference> Attach(ImmutableArray<MapReference> references) => [.. references.Select(Attach)];

    private ListElement Attach(ListElement element) => element with
    {
        Origin = Locate(element.Span),
        DeletionOrigin = LocateDeletion(element.Span, element.SeparatorBefore, element.SeparatorAfter),
    };

    private MapReference Attach(MapReference reference) => reference with { Origin = Locate(reference.Span) };

    // The innermost frame that holds every character of the span, and the span there. The runs are in result order,
    // so only those over the span are visited (a binary search finds the first): a list of many items over a value
    // of many runs costs no more than the runs themselves.
    private Projection? Project(TextSpan span)
    {
        if (span.IsEmpty)
        {
            return null;
        }

        var first = FirstRunEndingAfter(span.Start);
        var lca = -1;
        var covered = 0;
        var last = first;
        for (; last < _runs.Count && _runs[last].ResultStart < span.End; last++)
        {
            var run = _runs[last];
            var from = Math.Max(span.Start, run.ResultStart);
            var to = Math.Min(span.End, run.ResultStart + run.Length);
            if (from >= to)
            {
                continue;
            }

            covered += to - from;
            lca = lca < 0 ? run.Frame : CommonAncestor(lca, run.Frame);
        }

        if (covered != span.Length)
        {
            return null;
        }

        var min = int.MaxValue;
        var max = int.MinValue;
        var mixed = false;
        for (var i = first; i < last; i++)
        {
            var run = _runs[i];
            var from = Math.Max(span.Start, run.ResultStart);
            var to = Math.Min(span.End, run.ResultStart + run.Length);
            if (from >= to)
            {
                continue;
            }

            var (s, e) = run.Length == run.SourceLength
                ? (run.SourceStart + (from - run.ResultStart), run.SourceStart + (to - run.ResultStart))
                : (run.SourceStart, run.SourceStart + run.SourceLength);
            if (run.Frame != lca)
            {
                mixed = true;
                var child = run.Frame;
                while (_frames[child].Parent != lca)
                {
                    child = _frames[child].Parent;
                }

                (s, e) = (_frames[child].Reference.Start, _frames[child].Reference.End);
            }

            min = Math.Min(min, s);
            max = Math.Max(max, e);
        }

        return new Projection(lca, TextSpan.FromBounds(min, max), mixed);
    }

    // The index of the first run that ends after result position `position` (runs are in result order, not overlapping).
    private int FirstRunEndingAfter(int position)
    {
        var (low, high) = (0, _runs.Count);
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (_runs[middle].ResultStart + _runs[middle].Length <= position)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    private int CommonAncestor(int a, int b)
    {
        var depthA = Depth(a);
        var depthB = Depth(b);
        for (; depthA > depthB; depthA--)
        {
            a = _frames[a].Parent;
        }

        for (; depthB > depthA; depthB--)
        {
            b = _frames[b].Parent;
        }

        while (a != b)
        {
            a = _frames[a].Parent;
            b = _frames[b].Parent;
        }

        return a;
    }

    private int Depth(int frame)
    {
        var depth = 0;
        for (; frame > 0; frame = _frames[frame].Parent)
        {
            depth++;
        }

        return depth;
    }

    private string? NameOf(int frame) => frame == 0 ? _root : _frames[frame].Name;

    private ValueSource? SourceOf(int frame) => NameOf(frame) is { } name ? _resolve(name) : null;

    private ValueOrigin? ToOrigin(Projection projection)
    {
        if (SourceOf(projection.Frame) is not { } source)
        {
            return null;
        }

        if (StepsTo(projection.Frame) is not { } steps)
        {
            return null;
        }

        return new ValueOrigin(source.Parameter, source.Kind, projection.Span, source.Locate(projection.Span), steps)
        {
            ContainsExpansion = projection.ContainsExpansion,
        };
    }

    // The references that led from the root value to `frame`'s value, outermost first; null when one of them has no
    // parameter. A frame's chain is its parent's plus one step, so each frame's step is built (and located) once: a
    // list of 2^14 items from a chain of doubling references would otherwise rebuild the whole chain for every item.
    private ImmutableArray<MacroExpansionStep>? StepsTo(int frame)
    {
        // A model is read from several threads at once (its lists are cached in concurrent dictionaries): so is this.
        var cache = _steps ?? Interlocked.CompareExchange(ref _steps, new(), null) ?? _steps;
        if (cache.TryGetValue(frame, out var known))
        {
            return known;
        }

        // Walk up to the nearest frame already known (or the root), then build the chains back down.
        var pending = new Stack<int>();
        ImmutableArray<MacroExpansionStep>? steps = [];
        for (var current = frame; current > 0; current = _frames[current].Parent)
        {
            if (cache.TryGetValue(current, out var cached))
            {
                steps = cached;
                break;
            }

            pending.Push(current);
        }

        while (pending.TryPop(out var current))
        {
            var parent = _frames[current].Parent;
            if (steps is { } outer && NameOf(parent) is { } from && _frames[current].Name is { } name)
            {
                var reference = _frames[current].Reference;
                steps = outer.Add(new MacroExpansionStep(name, from, reference, _resolve(from)?.Locate(reference)));
            }
            else
            {
                steps = null;
            }

            cache[current] = steps;
        }

        return steps;
    }

    private readonly record struct Projection(int Frame, TextSpan Span, bool ContainsExpansion);
}
