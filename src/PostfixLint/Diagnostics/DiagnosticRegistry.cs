using System.Collections.Frozen;
using System.Collections.Immutable;

namespace PostfixLint.Diagnostics;

/// <summary>The descriptor of every id in <see cref="DiagnosticIds"/>, sorted by id.</summary>
public static class DiagnosticRegistry
{
    private static readonly FrozenDictionary<string, DiagnosticDescriptor> s_byId;

    static DiagnosticRegistry()
    {
        All =
        [
            new(DiagnosticIds.MissingEquals, "missing-equals", DiagnosticSeverity.Fatal, "A main.cf line has no '=' after the parameter name"),
            new(DiagnosticIds.MissingName, "missing-name", DiagnosticSeverity.Fatal, "A main.cf line has no parameter name before '='"),
            new(DiagnosticIds.LeadingWhitespace, "leading-whitespace", DiagnosticSeverity.Warning, "A logical line starts with whitespace and is ignored"),
            new(DiagnosticIds.TextAfterNul, "text-after-nul", DiagnosticSeverity.Warning, "Text after a NUL byte is ignored"),
            new(DiagnosticIds.MasterBadFieldCount, "master-bad-field-count", DiagnosticSeverity.Fatal, "A master.cf entry does not have eight fields"),
            new(DiagnosticIds.MasterInvalidField, "master-invalid-field", DiagnosticSeverity.Fatal, "A master.cf field has an invalid value"),
            new(DiagnosticIds.MasterBadBraces, "master-bad-braces", DiagnosticSeverity.Warning, "A master.cf {...} argument is malformed"),
            new(DiagnosticIds.MasterBadOverride, "master-bad-override", DiagnosticSeverity.Warning, "A master.cf -o {...} is not name = value"),
            new(DiagnosticIds.TableSkippedLine, "table-skipped-line", DiagnosticSeverity.Warning, "A lookup-table line is skipped"),
            new(DiagnosticIds.TableSuspiciousLine, "table-suspicious-line", DiagnosticSeverity.Warning, "A lookup-table line is used but suspicious"),
            new(DiagnosticIds.TableDuplicateKey, "table-duplicate-key", DiagnosticSeverity.Warning, "A lookup-table key is defined twice"),
            new(DiagnosticIds.TableMissingEndIf, "table-missing-endif", DiagnosticSeverity.Warning, "An IF has no matching ENDIF"),
            new(DiagnosticIds.TableLeadingWhitespace, "table-leading-whitespace", DiagnosticSeverity.Warning, "A lookup-table line starts with whitespace"),
            new(DiagnosticIds.MacroSyntax, "macro-syntax", DiagnosticSeverity.Warning, "A $name or ${...} expression is malformed"),
            new(DiagnosticIds.MacroExpansionFailed, "macro-expansion-failed", DiagnosticSeverity.Fatal, "A value cannot be expanded"),
            new(DiagnosticIds.FileNotReadable, "file-not-readable", DiagnosticSeverity.Fatal, "A configuration file cannot be opened"),
            new(DiagnosticIds.OverridingEarlierEntry, "overriding-earlier-entry", DiagnosticSeverity.Warning, "A parameter is set again with a different value"),
            new(DiagnosticIds.UndefinedParameter, "undefined-parameter", DiagnosticSeverity.Warning, "A value refers to a parameter that is not defined"),
            new(DiagnosticIds.UnusedParameter, "unused-parameter", DiagnosticSeverity.Warning, "A parameter is set that no Postfix program uses"),
            new(DiagnosticIds.ReadOnlyParameter, "read-only-parameter", DiagnosticSeverity.Warning, "A read-only parameter is assigned"),
            new(DiagnosticIds.UnknownParameter, "unknown-parameter", DiagnosticSeverity.Warning, "A queried parameter is not known"),
            new(DiagnosticIds.UnmatchedServiceRequest, "unmatched-service-request", DiagnosticSeverity.Warning, "A master.cf service pattern matches nothing"),
            new(DiagnosticIds.InvalidServicePattern, "invalid-service-pattern", DiagnosticSeverity.Fatal, "A master.cf service pattern is malformed"),
            new(DiagnosticIds.DatabaseClientFileNotReadable, "database-client-file-not-readable", DiagnosticSeverity.Warning, "A database client configuration file cannot be read"),
            new(DiagnosticIds.TableListBadBraces, "table-list-bad-braces", DiagnosticSeverity.Warning, "A {...} group in a table list is malformed"),
            new(DiagnosticIds.ComputedDefaultFailed, "computed-default-failed", DiagnosticSeverity.Fatal, "A default computed from this host cannot be computed"),
            new(DiagnosticIds.NetworkListComment, "network-list-comment", DiagnosticSeverity.Warning, "A host/network list has a comment at the end"),
            new(DiagnosticIds.NetworkListNoPattern, "network-list-no-pattern", DiagnosticSeverity.Fatal, "A host/network list has '!' without a pattern"),
            new(DiagnosticIds.NetworkListBadCidr, "network-list-bad-cidr", DiagnosticSeverity.Warning, "A host/network list has an invalid net/mask"),
        ];
        s_byId = All.ToFrozenDictionary(d => d.Id, StringComparer.Ordinal);
    }

    /// <summary>Every descriptor, sorted by id.</summary>
    public static ImmutableArray<DiagnosticDescriptor> All { get; }

    /// <summary>The descriptor of <paramref name="id"/>, or null when no such id exists.</summary>
    public static DiagnosticDescriptor? Find(string id) => s_byId.GetValueOrDefault(id);

    /// <summary>The descriptor of <paramref name="id"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such id exists.</exception>
    public static DiagnosticDescriptor Get(string id) =>
        s_byId.TryGetValue(id, out var descriptor) ? descriptor : throw new KeyNotFoundException($"no diagnostic id {id}");
}
