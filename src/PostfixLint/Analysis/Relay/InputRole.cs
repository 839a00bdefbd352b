namespace PostfixLint.Analysis.Relay;

/// <summary>Which client-controlled input a table key or list element is matched against.</summary>
internal enum InputRole
{
    Client,
    Helo,
    Sender,
    Recipient,
    Login,
}
