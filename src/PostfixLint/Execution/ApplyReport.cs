using System.Collections.Immutable;

namespace PostfixLint.Execution;

/// <summary>What running a fix plan did: each step in order, and whether it stuck or was rolled back.</summary>
/// <param name="Succeeded">True when every file was written and every command succeeded and the read-back matched.</param>
/// <param name="RolledBack">True when a failure restored the files from their backups.</param>
/// <param name="Steps">What happened, one line per step, in order (commands with their result, writes, rollback).</param>
/// <param name="Backups">The backup of each written file.</param>
internal sealed record ApplyReport(bool Succeeded, bool RolledBack, ImmutableArray<string> Steps, ImmutableArray<string> Backups);
