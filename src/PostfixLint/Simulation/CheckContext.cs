using PostfixLint.Model.Tables;

namespace PostfixLint.Simulation;

/// <summary>
/// The state of smtpd's restriction engine during one simulated session (smtpd's <c>SMTPD_STATE</c> as far as
/// <c>src/smtpd/smtpd_check.c</c> uses it), and <c>smtpd_check_reject()</c>, which every restriction replies through.
/// </summary>
internal sealed class CheckContext
{
    /// <summary>The trace note that holds the reply <c>warn_if_reject</c> logged instead of sending (the reject_warning line's reply follows it).</summary>
    internal const string WarnedNote = "warn_if_reject: logged as reject_warning, not sent: ";

    public CheckContext(Listener listener, TableSet tables, SessionFacts session)
    {
        Listener = listener;
        Tables = tables;
        Session = session;
        Walker = new RestrictionWalker(this);
    }

    /// <summary>The list walker, for restrictions that run a list of their own (classes, access-table results).</summary>
    public RestrictionWalker Walker { get; }

    public Listener Listener { get; }

    public ListenerSettings Settings => Listener.Settings;

    public AddressClassifier Classifier => Listener.Classifier;

    public TableSet Tables { get; }

    public SessionFacts Session { get; set; }

    public string? HeloName { get; set; }

    public string? Sender { get; set; }

    public string? Recipient { get; set; }

    /// <summary>smtpd's <c>SMTPD_FLAG_SMTPUTF8</c>: MAIL FROM carried an accepted SMTPUTF8 parameter.</summary>
    public bool Smtputf8 { get; set; }

    /// <summary>The notes of the restriction being evaluated (the walker swaps this list per trace entry).</summary>
    public List<string> Notes { get; set; } = [];

    /// <summary>The table entry that answered for the restriction being evaluated (swapped per trace entry, like <see cref="Notes"/>).</summary>
    public TraceSource? TableEntry { get; set; }

    /// <summary>What smtpd logs as <c>warning:</c>, each once.</summary>
    public List<string> Warnings { get; } = [];

    /// <summary>The warnings lookup tables logged during this session (collected with <see cref="Model.Tables.TableWarnings"/>).</summary>
    public List<string> TableWarnings { get; } = [];

    /// <summary>How many of <see cref="TableWarnings"/> a trace entry already shows.</summary>
    public int TableWarningsNoted { get; set; }

    /// <summary>generic_checks() nesting: 0 outside, 1 in a top-level list, 2 in a class or table result, ...</summary>
    public int Recursion { get; set; }

    /// <summary>The restriction classes being evaluated, outermost first (a class met again is a cycle).</summary>
    public List<string> ActiveClasses { get; } = [];

    /// <summary>The recursion level of an active <c>warn_if_reject</c>, or 0.</summary>
    public int WarnIfReject { get; set; }

    /// <summary>True after an access-table DISCARD: no further restrictions are evaluated.</summary>
    public bool Discard { get; set; }

    public bool RecipientMapChecked { get; set; }

    public bool SenderMapChecked { get; set; }

    /// <summary>True when the last reject was turned into a warning by <c>warn_if_reject</c>.</summary>
    public bool LastWarned { get; set; }

    /// <summary>The reply of the last rejection (<c>state-&gt;error_text</c>).</summary>
    public string ErrorText { get; private set; } = "";

    public DeferState DeferIfPermit { get; } = new();

    public DeferState DeferIfReject { get; } = new();

    /// <summary>smtpd_check_reject() for a restriction's own reply.</summary>
    public int Reject(int code, string dsn, string text) => SmtpdCheckReject(software: false, code, dsn, text);

    /// <summary>
    /// util/printable.c printable(text, replacement): a byte that is not printable ASCII becomes the replacement (a space), except that a UTF-8
    /// sequence is kept when util_utf8_enable is on (smtpd sets it from smtputf8_enable); without it every byte of a
    /// non-ASCII character becomes a space (<c>jörg</c> is <c>j  rg</c>, two bytes).
    /// </summary>
    internal static string Printable(string text, bool utf8, char replacement = ' ')
    {
        var result = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is >= ' ' and <= '~')
            {
                result.Append(c);
            }
            else if (c < 0x80)
            {
                result.Append(replacement);
            }
            else if (c <= 0xff && PostfixLint.Syntax.Tables.TableText.Utf8SequenceLength(text, i) is var length and > 0)
            {
                // Text from the configuration or a table (one char per byte) that is a UTF-8 sequence: one character.
                if (utf8)
                {
                    result.Append(System.Text.Encoding.UTF8.GetString(System.Text.Encoding.Latin1.GetBytes(text.Substring(i, length))));
                }
                else
                {
                    result.Append(replacement, length);
                }

                i += length - 1;
            }
            else if (char.IsSurrogatePair(text, i))
            {
                result.Append(utf8 ? text.AsSpan(i, 2) : new string(replacement, 4));
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                // A lone surrogate is no UTF-8 character: its replacement character's three bytes each become a space.
                result.Append(replacement, 3);
            }
            else
            {
                result.Append(utf8 ? c.ToString() : new string(replacement, c < 0x800 ? 2 : 3));
            }
        }

        return result.ToString();
    }

    /// <summary>smtpd_check_reject(): format, validate and fix a reply; honours warn_if_reject and a pending defer_if_reject.</summary>
    public int SmtpdCheckReject(bool software, int code, string dsn, string text)
    {
        var warnOnly = WarnIfReject != 0 && !software;
        var reply = $"{code} {dsn} {text}";
        if (code < 400 || code > 599)
        {
            Warn($"SMTP reply code configuration error: {reply}");
            reply = "450 4.7.1 Service unavailable";
        }

        if (DsnCodes.Valid(reply[4..]) == 0)
        {
            Warn($"DSN detail code configuration error: {reply}");
            reply = "450 4.7.1 Service unavailable";
        }

        if (reply.Length > 510)
        {
            reply = reply[..510];
        }

        if (reply.AsSpan().IndexOfAnyExceptInRange(' ', '~') >= 0)
        {
            reply = Printable(reply, Settings.GetBool("smtputf8_enable"));
        }

        if (!warnOnly && DeferIfReject.Active && reply[0] == '5')
        {
            WarnIfReject = 0;
            DeferIfReject.Active = false;
            Notes.Add($"a pending defer_if_reject turns \"{reply}\" into a deferral");
            return SmtpdCheckReject(false, DeferIfReject.Code, DeferIfReject.Dsn, DeferIfReject.Reason);
        }

        if (Settings.GetBool("soft_bounce") && reply[0] == '5')
        {
            reply = "4" + reply[1..];
        }

        // Enforce consistency between the SMTP code and the DSN class.
        reply = reply[..4] + reply[0] + reply[5..];
        if (warnOnly)
        {
            Notes.Add(WarnedNote + reply);
            LastWarned = true;
            return CheckStatus.Dunno;
        }

        ErrorText = reply;
        return CheckStatus.Reject;
    }

    /// <summary>
    /// smtpd_check.c DEFER_IF_PERMIT2/3() with DEFER_IF_PERMIT_ACT: remember the reason for a final permit, except under
    /// warn_if_reject, where the deferral itself is only logged (the flag is not raised).
    /// </summary>
    public int DeferIfPermitUnlessWarning(int code, string dsn, string reason)
    {
        if (WarnIfReject != 0)
        {
            return SmtpdCheckReject(software: false, code, dsn, reason);
        }

        DeferIf(DeferIfPermit, code, dsn, reason);
        return CheckStatus.Dunno;
    }

    /// <summary>defer_if(): remember the first defer_if_permit / defer_if_reject reason.</summary>
    public static void DeferIf(DeferState defer, int code, string dsn, string reason)
    {
        if (defer.Active)
        {
            return;
        }

        defer.Active = true;
        defer.Code = code;
        defer.Dsn = dsn;
        defer.Reason = reason;
    }

    /// <summary>A configuration error: 451 4.3.5 and the end of the stage (longjmp).</summary>
    public void ServerError()
    {
        Notes.Add("smtpd answers 451 4.3.5 Server configuration error and notifies the postmaster");
        SmtpdCheckReject(software: true, 451, "4.3.5", "Server configuration error");
        throw new CheckJump(CheckStatus.Reject);
    }

    /// <summary>A lookup error: 451 4.3.0 and the end of the stage (longjmp).</summary>
    public void RejectDictRetry(string replyName)
    {
        SmtpdCheckReject(software: true, 451, "4.3.0", $"<{replyName}>: Temporary lookup failure");
        throw new CheckJump(CheckStatus.Reject);
    }

    /// <summary>msg_warn(): logged once per session, and noted on the current restriction.</summary>
    public void Warn(string message)
    {
        if (!Warnings.Contains(message))
        {
            Warnings.Add(message);
        }

        Notes.Add($"smtpd logs: warning: {message}");
    }

    /// <summary>smtpd_resolve_addr() through the listener's classifier; an unknown class or a lookup failure ends the check.</summary>
    public ResolvedAddress Resolve(string address)
    {
        var resolved = Classifier.Resolve(address);
        if (resolved.Unknown is { } unknown)
        {
            throw new UnknownOutcome($"the address class of {address} depends on {unknown}");
        }

        if (resolved.Failure is { } failure)
        {
            Warn(failure);
            RejectDictRetry(address);
        }

        return resolved;
    }

    /// <summary>The lookup tables of a <c>*_maps</c> parameter.</summary>
    public List<ILookupTable> OpenMaps(string parameter) =>
        Settings.GetList(parameter).Select(Tables.Open).ToList();

    /// <summary>resolve_local() as mail_addr_find() asks it: myorigin or a local domain.</summary>
    public bool IsLocalForLookup(string domain)
    {
        if (domain.Equals(Settings.Get("myorigin"), StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var local = Classifier.IsLocalDomain(domain);
        if (local.Outcome == MatchOutcome.Unknown)
        {
            throw new UnknownOutcome($"mydestination: {local.Detail}");
        }

        return local.Outcome == MatchOutcome.Match;
    }

    /// <summary>check_mail_addr_find(): a lookup error ends the stage with 451.</summary>
    /// <remarks>
    /// A table smtpd could not open is a <c>dict_surrogate()</c>, whose lookups fail with <c>DICT_ERR_RETRY</c>:
    /// <c>reject_dict_retry()</c> answers <c>451 4.3.0 &lt;replyName&gt;: Temporary lookup failure</c> (seen on the real
    /// instance with a missing local_recipient_maps / virtual_alias_maps database); other errors are configuration errors.
    /// </remarks>
    public void CheckMapsHit(LookupHit hit, string parameter, string replyName)
    {
        if (hit.Status == TableLookupStatus.Unknown)
        {
            throw new UnknownOutcome(hit.Entry?.Reason is { } reason ? $"{parameter}: {reason}" : $"{parameter}: the contents of {hit.Table?.Spec} are not known (looked up \"{hit.Key}\")");
        }

        if (hit.Status == TableLookupStatus.Error)
        {
            Warn(hit.Table?.UnavailableReason ?? $"{hit.Table?.Spec}: table lookup problem");
            Notes.Add($"{parameter}: {hit.Table?.Spec} cannot be read");
            if (hit.Table?.Contents == TableContents.Unavailable)
            {
                RejectDictRetry(replyName);
            }

            ServerError();
        }
    }

    /// <summary>smtpd_check_reject()'s result for the trace: a 4xx reply defers, any other rejects.</summary>
    public TraceResult ReplyResult() => ErrorText.StartsWith('4') ? TraceResult.Defer : TraceResult.Reject;
}
