using PostfixLint.Model.Values;
using PostfixLint.Simulation.Checks;

namespace PostfixLint.Simulation;

/// <summary>generic_checks() (<c>src/smtpd/smtpd_check.c</c>): one restriction list, left to right, with a trace entry per restriction.</summary>
internal sealed class RestrictionWalker
{
    /// <summary>
    /// The deepest chain of restriction classes (each invoking the next) that real smtpd answers: one class more and it
    /// dies of a stack overflow (signal 11) before it replies.
    /// </summary>
    /// <remarks>
    /// generic_checks() calls itself for each class with no depth limit (<c>src/smtpd/smtpd_check.c</c>), so the depth
    /// is where smtpd's 8 MiB stack (the default <c>ulimit -s</c>) runs out. Measured on Postfix 3.7.11 (Debian 12,
    /// amd64) with a private instance: a chain of 37,380 classes from <c>smtpd_recipient_restrictions</c> is answered,
    /// 37,381 kill smtpd ("killed by signal 11", then "bad command startup -- throttling"). Another build or stack
    /// limit moves the edge; every real configuration is thousands of classes below it. The walk itself keeps the
    /// chain on a heap stack, not the .NET stack.
    /// </remarks>
    public const int SmtpdMaxClassNesting = 37_380;

    private readonly CheckContext _context;
    private readonly List<TraceEntry> _trace = [];

    // The names on CheckContext.ActiveClasses, for a cycle test that does not read a chain 37,000 classes long.
    private readonly HashSet<string> _activeClasses = new(StringComparer.Ordinal);

    public RestrictionWalker(CheckContext context)
    {
        _context = context;
    }

    public List<TraceEntry> Trace => _trace;

    private enum CallState
    {
        /// <summary>No restriction of the list is being evaluated.</summary>
        None,

        /// <summary>A restriction is being evaluated (RunOne's try block in smtpd terms: a jump finishes its entry).</summary>
        Evaluating,

        /// <summary>The restriction is a class whose list is being walked (its name is on <see cref="CheckContext.ActiveClasses"/>).</summary>
        InClass,
    }

    /// <summary>
    /// Walks <paramref name="list"/> until a restriction decides; returns its status. A restriction class walks its own
    /// list as generic_checks() does by calling itself; here the lists being walked are frames on a stack, so no chain
    /// of classes, however deep, recurses on the .NET stack.
    /// </summary>
    public int Run(TracedList list, string replyName, string replyClass, string defaultAccess)
    {
        var frames = new List<ListFrame> { Enter(list, replyName, replyClass, defaultAccess) };
        int? returned = null;
        try
        {
            while (true)
            {
                var frame = frames[^1];
                var done = false;
                if (returned is { } classStatus)
                {
                    // The class's list answered: back in the restriction that named it.
                    returned = null;
                    LeaveClass();
                    frame.State = CallState.Evaluating;
                    done = !AfterRestriction(frame, EndCall(frame, classStatus));
                    frame.Index += done ? 0 : 1;
                }

                if (!done && NextRestriction(frame) is { } child)
                {
                    frames.Add(child);
                    continue;
                }

                var status = Leave(frame);
                frames.RemoveAt(frames.Count - 1);
                if (frames.Count == 0)
                {
                    return status;
                }

                returned = status;
            }
        }
        catch (Exception exception)
        {
            // Unwind as the recursive generic_checks() would: innermost first, each restriction being evaluated
            // finishes its trace entry, and each class being walked is no longer active.
            for (var i = frames.Count - 1; i >= 0; i--)
            {
                var frame = frames[i];
                if (frame.State == CallState.InClass)
                {
                    LeaveClass();
                }

                if (frame.State != CallState.None)
                {
                    Unwind(frame, exception);
                }
            }

            throw;
        }
    }

    // generic_checks() on entry: one level deeper.
    private ListFrame Enter(TracedList list, string replyName, string replyClass, string defaultAccess)
    {
        var savedRecursion = _context.Recursion++;
        return new ListFrame(list, replyName, replyClass, defaultAccess, savedRecursion);
    }

    // generic_checks() on return: restrictions after the one that decided are noted as never reached, the level restored.
    private int Leave(ListFrame frame)
    {
        var c = _context;

        // Restrictions after the one that decided are never evaluated: say so, it is a classic mistake.
        if (frame.DecidedBy is not null && frame.Depth == 0)
        {
            AddNotReached(frame.List, frame.Index + 1, frame.DecidedBy.Text, frame.Depth);
        }

        c.Recursion = frame.SavedRecursion;
        if (c.WarnIfReject >= c.Recursion)
        {
            c.WarnIfReject = 0;
        }

        return frame.Status;
    }

    /// <summary>
    /// Evaluates the list's restrictions from where it stands until one decides or the list ends (null), or until one is
    /// a restriction class: then the class's list, to be walked next.
    /// </summary>
    private ListFrame? NextRestriction(ListFrame frame)
    {
        var c = _context;
        var restrictions = frame.List.Restrictions;
        for (; frame.Index < restrictions.Length; frame.Index++)
        {
            if (c.Discard)
            {
                return null;
            }

            var restriction = restrictions[frame.Index];
            if (restriction.WarnIfReject || restriction.IsDanglingWarnIfReject)
            {
                if (c.WarnIfReject == 0)
                {
                    c.WarnIfReject = c.Recursion;
                }

                if (restriction.IsDanglingWarnIfReject)
                {
                    continue;
                }
            }

            var call = new RestrictionCall(restriction, restriction.NormalizedName, frame.List, frame.Index, frame.ReplyName, frame.ReplyClass, frame.DefaultAccess);
            BeginCall(frame, call);
            if (Dispatch(call) is not { } status)
            {
                // A restriction class: its list is walked next, then this restriction ends with its status.
                frame.State = CallState.InClass;
                var restrictionClass = c.Listener.Classes[restriction.Name];
                return Enter(restrictionClass.In(call.DefaultAccess, call.ReplyClass), call.ReplyName, call.ReplyClass, call.DefaultAccess);
            }

            if (!AfterRestriction(frame, EndCall(frame, status)))
            {
                return null;
            }
        }

        return null;
    }

    // The end of one step of generic_checks()'s loop; false when the list is done (a restriction decided, or both defer_if_* are pending).
    private bool AfterRestriction(ListFrame frame, int status)
    {
        var c = _context;
        frame.Status = status;
        if (c.WarnIfReject >= c.Recursion)
        {
            c.WarnIfReject = 0;
        }

        if (status != CheckStatus.Dunno)
        {
            frame.DecidedBy = frame.List.Restrictions[frame.Index];
            return false;
        }

        return !(c.DeferIfPermit.Active && c.DeferIfReject.Active);
    }

    /// <summary>Starts one restriction under its own trace entry, notes and table entry.</summary>
    private void BeginCall(ListFrame frame, in RestrictionCall call)
    {
        var c = _context;
        frame.Call = call;
        frame.EntryIndex = _trace.Count;
        _trace.Add(new TraceEntry(call.List.Label, call.Restriction.Text, TraceResult.Dunno, call.List.Sources[call.Index]) { Depth = frame.Depth });
        frame.SavedNotes = c.Notes;
        frame.SavedEntry = c.TableEntry;
        c.Notes = [];
        c.TableEntry = null;
        frame.WarnOnly = c.WarnIfReject != 0;
        frame.State = CallState.Evaluating;
        if (call.Restriction.Problem is { Kind: RestrictionProblemKind.TableWithoutAccessCheck } problem)
        {
            c.Warn(problem.Warning);
            c.ServerError();
        }

        if (call.Restriction.IsImplicitAccessCheck)
        {
            // generic_checks(): "type:table" is short-hand for the list's check_*_access.
            c.Notes.Add($"a bare table means {call.DefaultAccess} in {call.List.Label}");
        }
    }

    // A jump or an unknown outcome leaves the restriction being evaluated: its entry says so, then the jump goes on.
    private void Unwind(ListFrame frame, Exception exception)
    {
        frame.State = CallState.None;
        if (exception is CheckJump)
        {
            Finish(frame.EntryIndex, null, jumped: true);
            Restore(frame.SavedNotes!, frame.SavedEntry);
        }
        else if (exception is UnknownOutcome unknown)
        {
            _context.Notes.Add(unknown.Message);
            Finish(frame.EntryIndex, TraceResult.Unknown, jumped: false);
            Restore(frame.SavedNotes!, frame.SavedEntry);
        }
    }

    /// <summary>Ends the restriction with <paramref name="status"/>: its trace entry's result, then the notes of the list.</summary>
    private int EndCall(ListFrame frame, int status)
    {
        var c = _context;
        frame.State = CallState.None;
        var entryIndex = frame.EntryIndex;
        if (status < 0)
        {
            Finish(entryIndex, null, jumped: true, pending: true);
            Restore(frame.SavedNotes!, frame.SavedEntry);
            if (status == CheckStatus.DictRetry)
            {
                c.RejectDictRetry(frame.Call.ReplyName);
            }

            c.ServerError();
        }

        var result = status switch
        {
            CheckStatus.Ok => TraceResult.Permit,
            CheckStatus.Reject => c.ReplyResult(),
            _ => frame.WarnOnly && c.LastWarned ? TraceResult.Warn : TraceResult.Dunno,
        };
        c.LastWarned = false;
        Finish(entryIndex, result, jumped: false);
        if (status == CheckStatus.Reject)
        {
            _trace[entryIndex] = _trace[entryIndex] with { Reply = c.ErrorText };
        }

        Restore(frame.SavedNotes!, frame.SavedEntry);
        return status;
    }

    /// <summary>
    /// The handler for the restriction's name, else a restriction class (null: its list is to be walked, the class is
    /// now active), else smtpd's "unknown smtpd restriction".
    /// </summary>
    private int? Dispatch(in RestrictionCall call)
    {
        var c = _context;
        if (RestrictionHandlers.Find(call.Name) is { } handler)
        {
            if (call.Restriction.Problem is { } problem)
            {
                c.Warn(problem.Warning);
                if (problem.IsServerError)
                {
                    c.ServerError();
                }

                return CheckStatus.Dunno;
            }

            return handler(c, call);
        }

        // A user-defined restriction class (looked up case-sensitively, as smtpd's htable).
        var name = call.Restriction.Name;
        if (c.Listener.Classes.TryGetValue(name, out var restrictionClass))
        {
            c.Notes.Add($"restriction class {name} = {string.Join(", ", restrictionClass.Tokens)} ({restrictionClass.OriginText})");
            if (_activeClasses.Contains(name))
            {
                // generic_checks() calls itself for a class with no depth limit: a cycle recurses until smtpd dies.
                throw new SmtpdCrash($"restriction class `{name}' invokes itself ({Chain(c.ActiveClasses, name)}): "
                    + "smtpd recurses without end and is killed by signal 11 (SIGSEGV) in the middle of the session");
            }

            if (c.ActiveClasses.Count >= SmtpdMaxClassNesting)
            {
                throw new SmtpdCrash($"restriction classes nest more than {SmtpdMaxClassNesting} deep here ({Chain(c.ActiveClasses, name)}): "
                    + "smtpd runs out of stack and is killed by signal 11 (SIGSEGV) in the middle of the session");
            }

            c.ActiveClasses.Add(name);
            _activeClasses.Add(name);
            return null;
        }

        c.Warn($"unknown smtpd restriction: \"{name}\"");
        c.Notes.Add($"\"{name}\" is not a restriction smtpd knows (nor a class in smtpd_restriction_classes)");
        c.ServerError();
        return CheckStatus.Dunno;
    }

    private void LeaveClass()
    {
        var active = _context.ActiveClasses;
        _activeClasses.Remove(active[^1]);
        active.RemoveAt(active.Count - 1);
    }

    // "c1 -> c2 -> c1"; a long chain shows its two ends.
    private static string Chain(List<string> active, string next)
    {
        const int Shown = 8;
        return active.Count <= 2 * Shown
            ? string.Join(" -> ", active.Append(next))
            : $"{string.Join(" -> ", active.Take(Shown))} -> ... ({active.Count - (2 * Shown) + 1} more) -> {string.Join(" -> ", active.Skip(active.Count - Shown + 1).Append(next))}";
    }

    private void Finish(int entryIndex, TraceResult? result, bool jumped, bool pending = false)
    {
        var c = _context;

        // A stale database (--as-deployed) is named on the restriction that looked the table up.
        for (; c.TableWarningsNoted < c.TableWarnings.Count; c.TableWarningsNoted++)
        {
            var warning = c.TableWarnings[c.TableWarningsNoted];
            if (warning.Contains(" is older than source file ", StringComparison.Ordinal))
            {
                c.Notes.Add($"smtpd logs: warning: {warning}");
                c.Notes.Add("the running smtpd answers from that older database; this answer comes from the source file and may differ (run postmap)");
            }
        }

        var entry = _trace[entryIndex] with { Notes = [.. c.Notes], TableEntry = c.TableEntry };
        if (jumped && !pending)
        {
            entry = entry with { Result = c.ReplyResult(), Reply = c.ErrorText };
        }
        else if (!jumped && result is { } value)
        {
            entry = entry with { Result = value };
        }

        _trace[entryIndex] = entry;
    }

    private void Restore(List<string> notes, TraceSource? tableEntry)
    {
        _context.Notes = notes;
        _context.TableEntry = tableEntry;
    }

    private void AddNotReached(TracedList list, int from, string decidedBy, int depth)
    {
        for (var j = from; j < list.Restrictions.Length; j++)
        {
            var restriction = list.Restrictions[j];
            var source = list.Sources[j];
            if (restriction.WarnIfRejectPrefix is { } prefix)
            {
                _trace.Add(new TraceEntry(list.Label, prefix.Text, TraceResult.NotReached, source)
                {
                    Depth = depth,
                    Notes = [$"{prefix.Text} comes after {decidedBy} and is never reached"],
                });
            }

            _trace.Add(new TraceEntry(list.Label, restriction.Text, TraceResult.NotReached, source)
            {
                Depth = depth,
                Notes = [$"{restriction.WrittenName} comes after {decidedBy} and is never reached"],
            });
        }
    }

    /// <summary>One list being walked (one generic_checks() call), and the restriction of it being evaluated.</summary>
    private sealed class ListFrame(TracedList list, string replyName, string replyClass, string defaultAccess, int savedRecursion)
    {
        public TracedList List { get; } = list;

        public string ReplyName { get; } = replyName;

        public string ReplyClass { get; } = replyClass;

        public string DefaultAccess { get; } = defaultAccess;

        /// <summary>The nesting level before this list (restored when it ends); also the trace depth of its entries.</summary>
        public int SavedRecursion { get; } = savedRecursion;

        public int Depth => SavedRecursion;

        public int Index { get; set; }

        public int Status { get; set; } = CheckStatus.Dunno;

        public Restriction? DecidedBy { get; set; }

        public CallState State { get; set; }

        public RestrictionCall Call { get; set; }

        public int EntryIndex { get; set; }

        public List<string>? SavedNotes { get; set; }

        public TraceSource? SavedEntry { get; set; }

        public bool WarnOnly { get; set; }
    }
}
