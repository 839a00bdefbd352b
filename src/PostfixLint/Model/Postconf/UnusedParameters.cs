using PostfixLint.Diagnostics;

namespace PostfixLint.Model.Postconf;

/// <summary>The settings no Postfix program uses: postconf's "unused parameter" warnings (src/postconf/postconf_unused.c).</summary>
/// <remarks>Reads the name table and name spaces only after set-up, so concurrent callers are safe.</remarks>
internal sealed class UnusedParameters(PostconfState state)
{
    /// <summary>The definitions postconf reports as unused, in file order (main.cf first, then master.cf).</summary>
    public IEnumerable<ParameterDefinition> Definitions()
    {
        if (state.Failed)
        {
            yield break;
        }

        var mainDefinitions = state.Config.Definitions
            .Where(d => d.Provenance.Kind != ProvenanceKind.CommandLine)
            .GroupBy(d => d.Name, StringComparer.Ordinal)
            .Select(g => g.Last());
        foreach (var definition in mainDefinitions)
        {
            if (state.Main.ContainsKey(definition.Name) && !state.Names.Contains(definition.Name))
            {
                yield return definition;
            }
        }

        for (var index = 0; index < state.Scopes.Count; index++)
        {
            if (state.Scopes.Scope(index) is null)
            {
                continue;
            }

            foreach (var definition in state.Config.Services[index].Overrides.GroupBy(d => d.Name, StringComparer.Ordinal).Select(g => g.Last()))
            {
                if (!state.Names.Contains(definition.Name) && !state.Scopes.IsUsed(index, definition.Name))
                {
                    yield return definition;
                }
            }
        }
    }

    /// <summary>
    /// The warnings in postconf's order (main.cf in its dictionary order, then each service's <c>-o</c>), each
    /// pointing at the definition's line in main.cf or at the <c>-o</c> in master.cf.
    /// </summary>
    public IEnumerable<Diagnostic> Warnings(bool includeMainCf)
    {
        foreach (var (name, value) in includeMainCf ? state.Main : [])
        {
            if (!state.Names.Contains(name))
            {
                yield return Warning(null, name, value);
            }
        }

        for (var index = 0; index < state.Scopes.Count; index++)
        {
            if (state.Scopes.Scope(index) is not { } scope)
            {
                continue;
            }

            foreach (var (name, value) in scope)
            {
                if (!state.Names.Contains(name) && !state.Scopes.IsUsed(index, name))
                {
                    yield return Warning(index, name, value);
                }
            }
        }
    }

    private Diagnostic Warning(int? scopeIndex, string name, string value)
    {
        var (path, span) = state.Locate(scopeIndex, name);
        return new Diagnostic(
            DiagnosticIds.UnusedParameter,
            DiagnosticSeverity.Warning,
            path ?? (scopeIndex is null ? state.Config.MainCfPath : state.Config.MasterCfPath),
            span,
            $"{state.ConfigDirectory}/{PostconfState.SourceName(scopeIndex)}: unused parameter: {name}={value}");
    }
}
