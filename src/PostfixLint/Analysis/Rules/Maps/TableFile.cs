namespace PostfixLint.Analysis.Rules.Maps;

/// <summary>The source file of a referenced table, as found on this machine.</summary>
/// <param name="Name">The path as the configuration writes it.</param>
/// <param name="ActualPath">The file read (through the configuration directory mapping and <c>--root</c>).</param>
/// <param name="Exists">True when the source file exists (and is verifiable).</param>
/// <param name="Verifiable">
/// False for a file outside the checked directory with no root given (<c>/etc/aliases</c> when checking a copy in a
/// repository): whether it exists on the server is not known here, whatever this machine has. Such a file is not read.
/// </param>
/// <param name="Source">The readable source (postmap sources scanned, others parsed); null when missing or unreadable.</param>
/// <param name="LastWriteUtc">The source's modification time; null when missing.</param>
internal sealed record TableFile(string Name, string ActualPath, bool Exists, bool Verifiable, TableSource? Source, DateTime? LastWriteUtc);
