using PostfixLint.Simulation.Checks;

namespace PostfixLint.Simulation;

/// <summary>
/// A port of smtpd's restriction engine (<c>src/smtpd/smtpd_check.c</c>: <c>smtpd_check_{client,helo,mail,rcpt}()</c>)
/// for one simulated session. <see cref="RestrictionWalker"/> walks the lists; <see cref="RestrictionHandlers"/>
/// evaluates the restrictions, one family per class in <c>Checks/</c>.
/// </summary>
internal sealed class RestrictionEvaluator
{
    private readonly CheckContext _context;
    private readonly RestrictionWalker _walker;
    private bool _deferIfPermitClient;
    private bool _deferIfPermitHelo;
    private bool _deferIfPermitSender;

    public RestrictionEvaluator(Listener listener, TableSet tables, SessionFacts session)
    {
        _context = new CheckContext(listener, tables, session);
        _walker = _context.Walker;
    }

    /// <summary>The client as smtpd knows it now: an AUTH login only counts once AUTH has happened.</summary>
    public SessionFacts Session
    {
        get => _context.Session;
        set => _context.Session = value;
    }

    public string? HeloName
    {
        get => _context.HeloName;
        set => _context.HeloName = value;
    }

    public string? Sender
    {
        get => _context.Sender;
        set => _context.Sender = value;
    }

    public string? Recipient
    {
        get => _context.Recipient;
        set => _context.Recipient = value;
    }

    /// <summary>True once MAIL FROM carried an accepted SMTPUTF8 parameter (smtpd's <c>SMTPD_FLAG_SMTPUTF8</c>).</summary>
    public bool Smtputf8
    {
        get => _context.Smtputf8;
        set => _context.Smtputf8 = value;
    }

    public IReadOnlyList<TraceEntry> Trace => _walker.Trace;

    public IReadOnlyList<string> Warnings => _context.Warnings;

    /// <summary>The warnings lookup tables logged during this session (a pcre match limit, say).</summary>
    public List<string> TableWarnings => _context.TableWarnings;

    /// <summary>Notes that belong to the session rather than one restriction.</summary>
    public List<string> SessionNotes { get; } = [];

    private ListenerSettings Settings => _context.Settings;

    public string? CheckClient()
    {
        _context.DeferIfPermit.Active = false;
        Reset();
        var status = RunList("smtpd_client_restrictions", Session.NamAddr, ReplyClasses.Client, "check_client_access");
        _deferIfPermitClient = _context.DeferIfPermit.Active;
        return status == CheckStatus.Reject ? _context.ErrorText : null;
    }

    public string? CheckHelo(string? helo)
    {
        if (helo is null)
        {
            return null;
        }

        var saved = HeloName;
        HeloName = helo;
        try
        {
            _context.DeferIfPermit.Active = _deferIfPermitClient;
            Reset();
            var status = RunList("smtpd_helo_restrictions", helo, ReplyClasses.Helo, "check_helo_access");
            _deferIfPermitHelo = _context.DeferIfPermit.Active;
            return status == CheckStatus.Reject ? _context.ErrorText : null;
        }
        finally
        {
            HeloName = saved;
        }
    }

    public string? CheckMail(string? sender)
    {
        if (sender is null)
        {
            return null;
        }

        var saved = Sender;
        Sender = sender;
        try
        {
            _context.DeferIfPermit.Active = _deferIfPermitClient | _deferIfPermitHelo;
            _context.SenderMapChecked = false;
            Reset();
            var status = RunList("smtpd_sender_restrictions", sender, ReplyClasses.Sender, "check_sender_access");
            _deferIfPermitSender = _context.DeferIfPermit.Active;
            if (Settings.GetBool("smtpd_reject_unlisted_sender") && status != CheckStatus.Reject && !_context.SenderMapChecked && !_context.Discard && sender.Length > 0)
            {
                status = Guard(() => AddressRestrictions.CheckSenderRcptMaps(_context, sender), "smtpd_reject_unlisted_sender", "implicit reject_unlisted_sender");
            }

            return status == CheckStatus.Reject ? _context.ErrorText : null;
        }
        finally
        {
            Sender = saved;
        }
    }

    public string? CheckRcpt(string recipient, bool delayReject)
    {
        if (recipient.Equals("postmaster", StringComparison.OrdinalIgnoreCase))
        {
            SessionNotes.Add("RCPT TO:<postmaster> without a domain is always accepted (RFC 5321); no restriction is evaluated");
            return null;
        }

        var saved = Recipient;
        Recipient = recipient;
        try
        {
            _context.RecipientMapChecked = false;
            if (delayReject)
            {
                var early = CheckClient() ?? CheckHelo(HeloName) ?? CheckMail(Sender);
                if (early is not null)
                {
                    return early;
                }
            }

            _context.DeferIfPermit.Active = _deferIfPermitSender;
            Reset();
            var status = RunRecipientLists(recipient);
            var deferIfPermit = _context.DeferIfPermit;
            if (status != CheckStatus.Reject && deferIfPermit.Active)
            {
                SessionNotes.Add($"a pending defer_if_permit turns the final permit into: {deferIfPermit.Code} {deferIfPermit.Dsn} {deferIfPermit.Reason}");
                status = _context.SmtpdCheckReject(software: false, deferIfPermit.Code, deferIfPermit.Dsn, deferIfPermit.Reason);
            }

            if (Settings.GetBool("smtpd_reject_unlisted_recipient") && status != CheckStatus.Reject && !_context.RecipientMapChecked && !_context.Discard)
            {
                status = Guard(() => AddressRestrictions.CheckRecipientRcptMaps(_context, recipient), "smtpd_reject_unlisted_recipient", "implicit reject_unlisted_recipient");
            }

            return status == CheckStatus.Reject ? _context.ErrorText : null;
        }
        finally
        {
            Recipient = saved;
        }
    }

    private int RunRecipientLists(string recipient)
    {
        string[] order = Settings.GetBool("smtpd_relay_before_recipient_restrictions")
            ? ["smtpd_relay_restrictions", "smtpd_recipient_restrictions"]
            : ["smtpd_recipient_restrictions", "smtpd_relay_restrictions"];
        var status = CheckStatus.Dunno;
        foreach (var list in order)
        {
            status = RunList(list, recipient, ReplyClasses.Recipient, "check_recipient_access");
            if (status == CheckStatus.Reject)
            {
                break;
            }
        }

        return status;
    }

    private void Reset()
    {
        _context.Recursion = 0;
        _context.WarnIfReject = 0;
        _context.DeferIfReject.Active = false;
    }

    /// <summary>Runs one top-level list with smtpd's setjmp() around it.</summary>
    private int RunList(string parameter, string replyName, string replyClass, string defaultAccess)
    {
        var list = _context.Listener.List(parameter);
        if (list.Restrictions.IsEmpty)
        {
            _walker.Trace.Add(new TraceEntry(parameter, "(empty list)", TraceResult.Dunno, list.Origin) { Notes = [$"{parameter} is empty: nothing to check"] });
            return CheckStatus.Dunno;
        }

        try
        {
            return _walker.Run(list, replyName, replyClass, defaultAccess);
        }
        catch (CheckJump jump)
        {
            return jump.Status;
        }
    }

    /// <summary>Runs an implicit check (reject_unlisted_*) with its own trace entry and setjmp().</summary>
    private int Guard(Func<int> check, string parameter, string label)
    {
        var trace = _walker.Trace;
        var entryIndex = trace.Count;
        trace.Add(new TraceEntry(parameter, label, TraceResult.Dunno, TraceSources.Of(Settings, parameter)));
        var savedNotes = _context.Notes;
        var savedEntry = _context.TableEntry;
        _context.Notes = [];
        _context.TableEntry = null;
        int status;
        try
        {
            status = check();
        }
        catch (CheckJump jump)
        {
            status = jump.Status;
        }
        catch (UnknownOutcome unknown)
        {
            trace[entryIndex] = trace[entryIndex] with { Result = TraceResult.Unknown, Notes = [.. _context.Notes, unknown.Message], TableEntry = _context.TableEntry };
            _context.Notes = savedNotes;
            _context.TableEntry = savedEntry;
            throw;
        }

        var rejected = status == CheckStatus.Reject;
        trace[entryIndex] = trace[entryIndex] with
        {
            Result = rejected ? _context.ReplyResult() : TraceResult.Dunno,
            Notes = [.. _context.Notes],
            Reply = rejected ? _context.ErrorText : null,
            TableEntry = _context.TableEntry,
        };
        _context.Notes = savedNotes;
        _context.TableEntry = savedEntry;
        return status;
    }
}
