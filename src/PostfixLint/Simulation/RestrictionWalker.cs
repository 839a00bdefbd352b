using PostfixLint.Model.Values;
using PostfixLint.Simulation.Checks;

namespace PostfixLint.Simulation;

/// <summary>generic_checks() (<c>src/smtpd/smtpd_check.c</c>): one restriction list, left to right, with a trace entry per restriction.</summary>
internal sealed class RestrictionWalker
{
    /// <summary>How deep restriction classes may invoke one another before the simulator stops following them.</summary>
    /// <remarks>Real configurations nest classes one or two deep; the bound keeps the walk's .NET stack small.</remarks>
    public const int MaxClassNesting = 100;

    private readonly CheckContext _context;
    private readonly List<TraceEntry> _trace = [];

    public RestrictionWalker(CheckContext context)
    {
        _context = context;
    }

    public List<TraceEntry> Trace => _trace;

    /// <summary>Walks <paramref name="list"/> until a restriction decides; returns its status.</summary>
    public int Run(TracedList list, string replyName, string replyClass, string defaultAccess)
    {
        var c = _context;
        var savedRecursion = c.Recursion++;
        var depth = savedRecursion;
        var status = CheckStatus.Dunno;
        var restrictions = list.Restrictions;
        var i = 0;
        Restriction? decidedBy = null;
        for (; i < restrictions.Length; i++)
        {
            if (c.Discard)
            {
                break;
            }

            var restriction = restrictions[i];
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

            status = RunOne(new RestrictionCall(restriction, restriction.NormalizedName, list, i, replyName, replyClass, defaultAccess), depth);
            if (c.WarnIfReject >= c.Recursion)
            {
                c.WarnIfReject = 0;
            }

            if (status != CheckStatus.Dunno)
            {
                decidedBy = restriction;
                break;
            }

            if (c.DeferIfPermit.Active && c.DeferIfReject.Active)
            {
                break;
            }
        }

        // Restrictions after the one that decided are never evaluated: say so, it is a classic mistake.
        if (decidedBy is not null && depth == 0)
        {
            AddNotReached(list, i + 1, decidedBy.Text, depth);
        }

        c.Recursion = savedRecursion;
        if (c.WarnIfReject >= c.Recursion)
        {
            c.WarnIfReject = 0;
        }

        return status;
    }

    /// <summary>Evaluates one restriction under its own trace entry, notes and table entry.</summary>
    private int RunOne(in RestrictionCall call, int depth)
    {
        var c = _context;
        var entryIndex = _trace.Count;
        _trace.Add(new TraceEntry(call.List.Label, call.Restriction.Text, TraceResult.Dunno, call.List.Sources[call.Index]) { Depth = depth });
        var savedNotes = c.Notes;
        var savedEntry = c.TableEntry;
        c.Notes = [];
        c.TableEntry = null;
        var warnOnly = c.WarnIfReject != 0;
        int status;
        try
        {
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

            status = Dispatch(call);
        }
        catch (CheckJump)
        {
            Finish(entryIndex, null, jumped: true);
            Restore(savedNotes, savedEntry);
            throw;
        }
        catch (UnknownOutcome unknown)
        {
            c.Notes.Add(unknown.Message);
            Finish(entryIndex, TraceResult.Unknown, jumped: false);
            Restore(savedNotes, savedEntry);
            throw;
        }

        if (status < 0)
        {
            Finish(entryIndex, null, jumped: true, pending: true);
            Restore(savedNotes, savedEntry);
            if (status == CheckStatus.DictRetry)
            {
                c.RejectDictRetry(call.ReplyName);
            }

            c.ServerError();
        }

        var result = status switch
        {
            CheckStatus.Ok => TraceResult.Permit,
            CheckStatus.Reject => c.ReplyResult(),
            _ => warnOnly && c.LastWarned ? TraceResult.Warn : TraceResult.Dunno,
        };
        c.LastWarned = false;
        Finish(entryIndex, result, jumped: false);
        if (status == CheckStatus.Reject)
        {
            _trace[entryIndex] = _trace[entryIndex] with { Reply = c.ErrorText };
        }

        Restore(savedNotes, savedEntry);
        return status;
    }

    /// <summary>The handler for the restriction's name, else a restriction class, else smtpd's "unknown smtpd restriction".</summary>
    private int Dispatch(in RestrictionCall call)
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
            if (c.ActiveClasses.Contains(name))
            {
                // generic_checks() calls itself for a class with no depth limit: a cycle recurses until smtpd dies.
                throw new SmtpdCrash($"restriction class `{name}' invokes itself ({string.Join(" -> ", c.ActiveClasses.Append(name))}): "
                    + "smtpd recurses without end and is killed by signal 11 (SIGSEGV) in the middle of the session");
            }

            if (c.ActiveClasses.Count >= MaxClassNesting)
            {
                throw new UnknownOutcome($"restriction classes nest more than {MaxClassNesting} deep here: the simulator does not follow them further");
            }

            c.ActiveClasses.Add(name);
            try
            {
                return Run(restrictionClass.In(call.DefaultAccess, call.ReplyClass), call.ReplyName, call.ReplyClass, call.DefaultAccess);
            }
            finally
            {
                c.ActiveClasses.RemoveAt(c.ActiveClasses.Count - 1);
            }
        }

        c.Warn($"unknown smtpd restriction: \"{name}\"");
        c.Notes.Add($"\"{name}\" is not a restriction smtpd knows (nor a class in smtpd_restriction_classes)");
        c.ServerError();
        return CheckStatus.Dunno;
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
}
