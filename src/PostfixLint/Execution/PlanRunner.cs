using System.Collections.Immutable;
using PostfixLint.Fixing;
using PostfixLint.Model;
using PostfixLint.Syntax;

namespace PostfixLint.Execution;

/// <summary>
/// Runs a <see cref="FixPlan"/> on a live server as one transaction: write every file, rebuild maps, <c>postfix check</c>,
/// <c>postfix reload</c>, read back <c>postconf -n</c>; on any failure restore every file, rebuild the maps from the restored
/// sources and reload again.
/// </summary>
internal sealed class PlanRunner(IPostfixCommands commands)
{
    /// <summary>Writes the plan's files (atomic, owner and mode kept, backups, refused when a file changed since it was read).</summary>
    /// <remarks>When one write is refused or fails, the files already written are restored, so the directory stays as it was.</remarks>
    public ApplyReport Write(FixPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var steps = ImmutableArray.CreateBuilder<string>();
        var backups = ImmutableArray.CreateBuilder<string>();
        var written = new List<FileChange>();
        foreach (var file in plan.Files)
        {
            try
            {
                var backup = AtomicFileWriter.Write(file.Path, file.NewText, file.OriginalHash);
                backups.Add(backup);
                written.Add(file);
                steps.Add($"wrote {file.Path} (backup {backup})");
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                steps.Add($"not written: {exception.Message}");
                Restore(written, backups, steps);
                return new ApplyReport(false, written.Count > 0, steps.ToImmutable(), backups.ToImmutable());
            }
        }

        return new ApplyReport(true, false, steps.ToImmutable(), backups.ToImmutable());
    }

    /// <summary>Writes the plan, runs its actions and verifies the result; rolls everything back when a step fails.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="config">The configuration the plan was made from (how to read the written files back).</param>
    /// <param name="cancellationToken">Cancels the commands.</param>
    public async Task<ApplyReport> ApplyAsync(FixPlan plan, PostfixConfig config, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(config);
        var write = Write(plan);
        if (!write.Succeeded)
        {
            return write;
        }

        var steps = write.Steps.ToBuilder();
        var directory = Path.GetFullPath(plan.ConfigDirectory);
        var databases = DatabaseSnapshot.Take(plan.Rebuilds);
        string? failure = null;
        foreach (var action in plan.Actions)
        {
            var result = action switch
            {
                RebuildMap map => await commands.RebuildMapAsync(map.Command, map.Type, map.Path, directory, cancellationToken).ConfigureAwait(false),
                CheckConfiguration => await commands.CheckAsync(directory, cancellationToken).ConfigureAwait(false),
                Reload => await commands.ReloadAsync(directory, cancellationToken).ConfigureAwait(false),
                _ => null,
            };
            if (result is null)
            {
                steps.Add(action.Describe(directory));
                continue;
            }

            steps.Add(result.ToString());
            if (!result.Succeeded)
            {
                failure = result.ToString();
                break;
            }
        }

        if (failure is null)
        {
            failure = await VerifyAsync(plan, config, directory, steps, cancellationToken).ConfigureAwait(false);
        }

        if (failure is null)
        {
            return new ApplyReport(true, false, steps.ToImmutable(), write.Backups);
        }

        steps.Add($"rolling back: {failure}");
        Restore(plan.Files, write.Backups, steps);

        // The databases as they were: rebuilt ones get their old bytes back, ones this run created are removed; a
        // database that cannot be put back is rebuilt from the restored source instead.
        var unrestored = databases.Restore(steps);
        foreach (var map in plan.Rebuilds.Where(m => unrestored.Contains(m.Path)))
        {
            steps.Add("rollback: " + await commands.RebuildMapAsync(map.Command, map.Type, map.Path, directory, cancellationToken).ConfigureAwait(false));
        }

        if (plan.Actions.OfType<Reload>().Any())
        {
            steps.Add("rollback: " + await commands.ReloadAsync(directory, cancellationToken).ConfigureAwait(false));
        }

        return new ApplyReport(false, true, steps.ToImmutable(), write.Backups);
    }

    /// <summary>
    /// Reads back <c>postconf -n</c> and compares every parameter the plan changed with what the written main.cf says, as
    /// this library prints it; null when they agree, else what differs.
    /// </summary>
    private async Task<string?> VerifyAsync(FixPlan plan, PostfixConfig config, string directory, ImmutableArray<string>.Builder steps, CancellationToken cancellationToken)
    {
        if (!plan.Files.Any(f => string.Equals(f.Path, config.MainCfPath, StringComparison.Ordinal)))
        {
            return null;
        }

        var query = new PostconfQuery { NonDefaultOnly = true };
        var before = Values(PostconfPrinter.Print(config, query).Lines);
        var after = Values(PostconfPrinter.Print(PostfixConfig.Load(config.ConfigDirectory, config.Options), query).Lines);
        var changed = after.Keys.Union(before.Keys).Where(k => !Equals(before.GetValueOrDefault(k), after.GetValueOrDefault(k))).Order(StringComparer.Ordinal).ToList();
        var read = await commands.PostconfNonDefaultAsync(directory, cancellationToken).ConfigureAwait(false);
        if (!read.Succeeded)
        {
            steps.Add(read.ToString());
            return read.ToString();
        }

        var actual = Values(read.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var differences = changed.Where(k => !Equals(after.GetValueOrDefault(k), actual.GetValueOrDefault(k)))
            .Select(k => $"{k}: written `{after.GetValueOrDefault(k)}`, postconf -n reads `{actual.GetValueOrDefault(k)}`")
            .ToList();
        steps.Add(differences.Count == 0
            ? $"postconf -c {directory} -n: {string.Join(", ", changed)} read back as written"
            : $"postconf -c {directory} -n differs: {string.Join("; ", differences)}");
        return differences.Count == 0 ? null : string.Join("; ", differences);
    }

    private static Dictionary<string, string> Values(IEnumerable<string> lines)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var equals = line.IndexOf(" = ", StringComparison.Ordinal);
            if (equals > 0)
            {
                values[line[..equals]] = line[(equals + 3)..];
            }
            else if (line.EndsWith(" =", StringComparison.Ordinal))
            {
                values[line[..^2]] = "";
            }
        }

        return values;
    }

    private static void Restore(IEnumerable<FileChange> files, IReadOnlyList<string> backups, ImmutableArray<string>.Builder steps)
    {
        foreach (var (file, backup) in files.Zip(backups))
        {
            try
            {
                AtomicFileWriter.WriteReplacing(file.Path, file.Path, SourceFile.Encode(file.OriginalText));
                steps.Add($"restored {file.Path}");
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                steps.Add($"could not restore {file.Path}: {exception.Message} (its backup is {backup})");
            }
        }
    }
}
