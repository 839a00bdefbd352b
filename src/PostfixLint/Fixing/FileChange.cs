using System.Security.Cryptography;
using PostfixLint.Syntax;

namespace PostfixLint.Fixing;

/// <summary>One file a fix plan changes: its text as read and as the fixes leave it.</summary>
/// <param name="Path">The file on this machine (through the configuration directory and <c>--root</c> mapping).</param>
/// <param name="OriginalText">The text as read (Latin-1: one char per byte, as Postfix reads bytes).</param>
/// <param name="NewText">The text after every applied fix.</param>
/// <param name="IsSecret">True for a password table (<c>smtp_sasl_password_maps</c>, ...): its values are never shown.</param>
public sealed record FileChange(string Path, string OriginalText, string NewText, bool IsSecret)
{
    /// <summary>The SHA-256 of the original bytes, to refuse writing over a file that changed since it was read.</summary>
    public string OriginalHash => Hash(OriginalText);

    /// <summary>The SHA-256 (lower-case hex) of <paramref name="text"/>'s bytes as Postfix reads them.</summary>
    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(SourceFile.Encode(text)));
}
