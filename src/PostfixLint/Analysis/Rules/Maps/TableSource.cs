using System.Collections.Immutable;
using PostfixLint.Diagnostics;
using PostfixLint.Model.Tables;
using PostfixLint.Syntax.Tables;

namespace PostfixLint.Analysis.Rules.Maps;

/// <summary>
/// A readable table source as the Maps rules and the relay input collector ask it questions: postmap sources through a
/// streaming scan (<see cref="PostmapSource"/>, nothing kept per line), the other formats as their lossless parse.
/// </summary>
internal sealed class TableSource
{
    private readonly LookupTableSyntax? _syntax;
    private readonly PostmapSource? _postmap;

    /// <summary>Wraps the lossless parse of a source (aliases, cidr, regexp, pcre).</summary>
    public TableSource(LookupTableSyntax syntax) => _syntax = syntax;

    /// <summary>Wraps the scan of a postmap source.</summary>
    public TableSource(PostmapSource postmap) => _postmap = postmap;

    /// <summary>What the readers warn about, worded as Postfix logs it (path as the configuration writes it).</summary>
    public ImmutableArray<Diagnostic> Diagnostics => _postmap?.Diagnostics ?? _syntax!.Diagnostics;

    /// <summary>True when some line is an entry (a record postmap writes, a rule of a pattern table).</summary>
    public bool HasEntries => _postmap is { } postmap ? postmap.EntryCount > 0 : _syntax!.Entries.Any(e => e.Kind == TableEntryKind.Entry);

    /// <summary>Every logical line in file order, as <see cref="LookupTableSyntax.Entries"/> has them (read again from a postmap source on each call).</summary>
    public IEnumerable<TableEntrySyntax> Entries => _postmap?.Entries() ?? _syntax!.Entries;

    /// <summary>
    /// <see cref="Entries"/> without the plain one-line postmap entries whose key <paramref name="skip"/> rejects (a
    /// parsed source gives every entry: the caller must not rely on the skip).
    /// </summary>
    public IEnumerable<TableEntrySyntax> EntriesSkipping(PostmapSource.FastKeyFilter skip) => _postmap?.Entries(skip: skip) ?? _syntax!.Entries;

    /// <summary>The lines whose key contains <paramref name="c"/>, in file order.</summary>
    public IEnumerable<TableEntrySyntax> EntriesWithKeyContaining(char c) =>
        _postmap?.Entries(c) ?? _syntax!.Entries.Where(e => e.Key.Contains(c, StringComparison.Ordinal));

    /// <summary>The number of entries (<see cref="TableEntryKind.Entry"/> lines).</summary>
    public int EntryCount => _postmap?.EntryCount ?? _syntax!.Entries.Count(e => e.Kind == TableEntryKind.Entry);
}
