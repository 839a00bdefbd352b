using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using PostfixLint.Model.Tables;
using PostfixLint.Model.Values;

namespace PostfixLint.Simulation;

/// <summary>
/// A port of smtpd's restriction engine (<c>src/smtpd/smtpd_check.c</c>: <c>generic_checks()</c>, <c>check_table_result()</c>,
/// <c>smtpd_check_reject()</c>, <c>smtpd_check_{client,helo,mail,rcpt}()</c>) for one simulated session.
/// </summary>
internal sealed partial class RestrictionEvaluator
{
    public const int Dunno = 0;
    public const int Ok = 1;
    public const int Reject = 2;
    private const int DictRetry = -1;

    private const string ClassClient = "Client host";
    private const string ClassHelo = "Helo command";
    private const string ClassSender = "Sender address";
    private const string ClassRecipient = "Recipient address";
    private const string ClassSasl = "SASL login name";

    private readonly ListenerSettings _settings;
    private readonly TableSet _tables;
    private readonly AddressClassifier _classifier;
    private readonly List<TraceEntry> _trace = [];
    private readonly List<string> _warnings = [];
    private readonly IReadOnlyDictionary<string, (ImmutableArray<string> Tokens, string Origin)> _classes;
    private readonly DeferState _deferIfPermit = new();
    private readonly DeferState _deferIfReject = new();
    private List<string> _notes = [];
    private int _recursion;
    private int _warnIfReject;
    private bool _discard;
    private bool _recipientMapChecked;
    private bool _senderMapChecked;
    private bool _deferIfPermitClient;
    private bool _deferIfPermitHelo;
    private bool _deferIfPermitSender;
    private string _errorText = "";

    public RestrictionEvaluator(ListenerSettings settings, TableSet tables, AddressClassifier classifier, SessionFacts session)
    {
        _settings = settings;
        _tables = tables;
        _classifier = classifier;
        Session = session;
        _classes = settings.Classes ??= BuildClasses(settings);
    }

    private static Dictionary<string, (ImmutableArray<string> Tokens, string Origin)> BuildClasses(ListenerSettings settings)
    {
        var classes = new Dictionary<string, (ImmutableArray<string> Tokens, string Origin)>(StringComparer.Ordinal);
        foreach (var name in settings.GetList("smtpd_restriction_classes"))
        {
            classes[name] = (settings.GetList(name), settings.Origin(name));
        }

        // smtpd_check_init(): the built-in class.
        classes["reject_sender_login_mismatch"] = (["reject_authenticated_sender_login_mismatch", "reject_unauthenticated_sender_login_mismatch"], "built-in restriction class");
        return classes;
    }

    public SessionFacts Session { get; }

    public string? HeloName { get; set; }

    public string? Sender { get; set; }

    public string? Recipient { get; set; }

    public IReadOnlyList<TraceEntry> Trace => _trace;

    public IReadOnlyList<string> Warnings => _warnings;

    /// <summary>Notes that belong to the session rather than one restriction.</summary>
    public List<string> SessionNotes { get; } = [];

    /// <summary>The restriction classes, for the start-up check.</summary>
    public IReadOnlyDictionary<string, (ImmutableArray<string> Tokens, string Origin)> Classes => _classes;

    // ---- Stage drivers (smtpd_check_client/helo/mail/rcpt) -------------------------------------------------------

    public string? CheckClient()
    {
        _deferIfPermit.Active = false;
        Reset();
        var status = RunList("smtpd_client_restrictions", Session.NamAddr, ClassClient, "check_client_access");
        _deferIfPermitClient = _deferIfPermit.Active;
        return status == Reject ? _errorText : null;
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
            _deferIfPermit.Active = _deferIfPermitClient;
            Reset();
            var status = RunList("smtpd_helo_restrictions", helo, ClassHelo, "check_helo_access");
            _deferIfPermitHelo = _deferIfPermit.Active;
            return status == Reject ? _errorText : null;
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
            _deferIfPermit.Active = _deferIfPermitClient | _deferIfPermitHelo;
            _senderMapChecked = false;
            Reset();
            var status = RunList("smtpd_sender_restrictions", sender, ClassSender, "check_sender_access");
            _deferIfPermitSender = _deferIfPermit.Active;
            if (_settings.GetBool("smtpd_reject_unlisted_sender") && status != Reject && !_senderMapChecked && !_discard && sender.Length > 0)
            {
                status = Guard(() => CheckSenderRcptMaps(sender), "smtpd_reject_unlisted_sender", "implicit reject_unlisted_sender");
            }

            return status == Reject ? _errorText : null;
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
            _recipientMapChecked = false;
            if (delayReject)
            {
                var early = CheckClient() ?? CheckHelo(HeloName) ?? CheckMail(Sender);
                if (early is not null)
                {
                    return early;
                }
            }

            _deferIfPermit.Active = _deferIfPermitSender;
            Reset();
            var relayFirst = _settings.GetBool("smtpd_relay_before_recipient_restrictions");
            string[] order = relayFirst
                ? ["smtpd_relay_restrictions", "smtpd_recipient_restrictions"]
                : ["smtpd_recipient_restrictions", "smtpd_relay_restrictions"];
            var status = Dunno;
            foreach (var list in order)
            {
                status = RunList(list, recipient, ClassRecipient, "check_recipient_access");
                if (status == Reject)
                {
                    break;
                }
            }

            if (status != Reject && _deferIfPermit.Active)
            {
                SessionNotes.Add($"a pending defer_if_permit turns the final permit into: {_deferIfPermit.Code} {_deferIfPermit.Dsn} {_deferIfPermit.Reason}");
                status = SmtpdCheckReject(software: false, _deferIfPermit.Code, _deferIfPermit.Dsn, _deferIfPermit.Reason);
            }

            if (_settings.GetBool("smtpd_reject_unlisted_recipient") && status != Reject && !_recipientMapChecked && !_discard)
            {
                status = Guard(() => CheckRecipientRcptMaps(recipient), "smtpd_reject_unlisted_recipient", "implicit reject_unlisted_recipient");
            }

            return status == Reject ? _errorText : null;
        }
        finally
        {
            Recipient = saved;
        }
    }

    private void Reset()
    {
        _recursion = 0;
        _warnIfReject = 0;
        _deferIfReject.Active = false;
    }

    /// <summary>Runs one top-level list with smtpd's setjmp() around it.</summary>
    private int RunList(string parameter, string replyName, string replyClass, string defAcl)
    {
        var tokens = _settings.GetList(parameter);
        if (tokens.IsEmpty)
        {
            _trace.Add(new TraceEntry(parameter, "(empty list)", "dunno", _settings.Origin(parameter)) { Notes = [$"{parameter} is empty: nothing to check"] });
            return Dunno;
        }

        try
        {
            return GenericChecks(parameter, _settings.Origin(parameter), tokens, replyName, replyClass, defAcl);
        }
        catch (CheckJump jump)
        {
            return jump.Status;
        }
    }

    /// <summary>Runs an implicit check (reject_unlisted_*) with its own trace entry and setjmp().</summary>
    private int Guard(Func<int> check, string parameter, string label)
    {
        var entryIndex = _trace.Count;
        _trace.Add(new TraceEntry(parameter, label, "dunno", _settings.Origin(parameter)));
        var savedNotes = _notes;
        _notes = [];
        var status = Dunno;
        var result = "dunno";
        try
        {
            status = check();
            result = status == Reject ? ReplyResult() : "dunno";
        }
        catch (CheckJump jump)
        {
            status = jump.Status;
            result = status == Reject ? ReplyResult() : "dunno";
        }
        catch (UnknownOutcome unknown)
        {
            _trace[entryIndex] = _trace[entryIndex] with { Result = "unknown", Notes = [.. _notes, unknown.Message] };
            _notes = savedNotes;
            throw;
        }

        _trace[entryIndex] = _trace[entryIndex] with { Result = result, Notes = [.. _notes], Reply = status == Reject ? _errorText : null };
        _notes = savedNotes;
        return status;
    }

    private string ReplyResult() => _errorText.StartsWith('4') ? "defer" : "reject";
}
