using System.Collections.Immutable;
using PostfixLint.Diagnostics;
using PostfixLint.Model;
using PostfixLint.Syntax;

namespace PostfixLint.Fixing;

/// <summary>
/// Loads a configuration as it would be with edited texts, without touching the originals: each edited file is written to a
/// private temporary directory that the loader reads instead (<see cref="ConfigLoadOptions.Overlay"/>).
/// </summary>
/// <remarks>
/// An edited table source keeps its database next to it (a symbolic link to the original's), so the re-check still
/// sees the database, now older than the edited source. Findings' paths are mapped back to the original files.
/// </remarks>
internal sealed class ConfigOverlay : IDisposable
{
    private static readonly string[] s_databaseSuffixes = [".db", ".lmdb", ".cdb", ".pag", ".dir"];

    private readonly PostfixConfig _original;
    private readonly string _directory;
    private readonly Dictionary<string, string> _back = new(StringComparer.Ordinal);
    private int _loads;

    public ConfigOverlay(PostfixConfig original)
    {
        _original = original;
        _directory = Directory.CreateTempSubdirectory("pfl-fix-").FullName;
    }

    /// <summary>The configuration with <paramref name="texts"/> (path on this machine → text) read in place of those files.</summary>
    public PostfixConfig Load(IReadOnlyDictionary<string, string> texts)
    {
        var load = Path.Combine(_directory, (++_loads).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var overlay = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var (path, text) in texts)
        {
            // One directory per file keeps its name (messages name tables by file name) and its database siblings apart.
            var directory = Path.Combine(load, (index++).ToString(System.Globalization.CultureInfo.InvariantCulture));
            Directory.CreateDirectory(directory);
            var replacement = Path.Combine(directory, Path.GetFileName(path));
            SourceFile.Write(replacement, text);
            foreach (var suffix in s_databaseSuffixes)
            {
                if (File.Exists(path + suffix))
                {
                    File.CreateSymbolicLink(replacement + suffix, Path.GetFullPath(path + suffix));
                }
            }

            overlay[path] = replacement;
            _back[replacement] = path;
        }

        return PostfixConfig.Load(_original.ConfigDirectory, _original.Options with { Overlay = overlay.ToImmutable() });
    }

    /// <summary>The original file for <paramref name="path"/> when it is an overlay file; else <paramref name="path"/>.</summary>
    public string Unmap(string path) => _back.TryGetValue(path, out var original) ? original : path;

    /// <summary><paramref name="finding"/> with its path and its fix's paths mapped back to the original files.</summary>
    public Diagnostic Unmap(Diagnostic finding)
    {
        if (_back.Count == 0)
        {
            return finding;
        }

        var fix = finding.Fix is { } f && f.Edits.Any(e => _back.ContainsKey(e.Path))
            ? Fix.Create(f.Title, f.Safety, f.Edits.Select(e => e with { Path = Unmap(e.Path) }))
            : finding.Fix;
        return finding with { Path = finding.Path is null ? null : Unmap(finding.Path), Fix = fix };
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A temporary directory left behind must not fail a fix.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
