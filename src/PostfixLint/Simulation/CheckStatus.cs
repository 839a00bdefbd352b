namespace PostfixLint.Simulation;

/// <summary>The status codes of smtpd's restriction functions (<c>SMTPD_CHECK_DUNNO</c>, <c>_OK</c>, <c>_REJECT</c>, <c>DICT_ERR_RETRY</c>).</summary>
internal static class CheckStatus
{
    public const int Dunno = 0;
    public const int Ok = 1;
    public const int Reject = 2;
    public const int DictRetry = -1;
}
