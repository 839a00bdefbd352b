using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using PostfixLint.Analysis.Relay;
using PostfixLint.Diagnostics;

namespace PostfixLint.Analysis;

/// <summary>Reads <c>.postfix-lint.json</c>; bad input becomes errors with line and column, never an exception.</summary>
public static class LintSettingsReader
{
    private static readonly JsonReaderOptions s_options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    // Keys the policy reader takes at the top level as well as under "policy".
    private static readonly ImmutableHashSet<string> s_policyKeys = ["policy", "mayRelay", "mustNotRelay", "senders"];

    /// <summary>Reads the settings in <paramref name="json"/>; <paramref name="path"/> is recorded for messages.</summary>
    public static LintSettingsReadResult Read(string json, string? path = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        var policy = RelayPolicyReader.Read(json);
        var errors = new List<PolicyError>(policy.Errors);
        if (!policy.Succeeded)
        {
            return new LintSettingsReadResult(null, [.. errors]);
        }

        var bytes = Encoding.UTF8.GetBytes(json);
        var reader = new Utf8JsonReader(bytes, s_options);
        var settings = new LintSettings { Policy = policy.Policy, Path = path };
        try
        {
            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                var at = Position(bytes, reader.TokenStartIndex);
                reader.Read();
                switch (name)
                {
                    case "select":
                        settings = settings with { Select = Strings(ref reader, bytes, name, errors) };
                        break;
                    case "ignore":
                        settings = settings with { Ignore = Strings(ref reader, bytes, name, errors) };
                        break;
                    case "severity":
                        settings = settings with { Severities = Severities(ref reader, bytes, errors) };
                        break;
                    default:
                        if (!s_policyKeys.Contains(name))
                        {
                            errors.Add(new PolicyError(at, $"unknown setting \"{name}\" (expected select, ignore, severity or policy)"));
                        }

                        reader.Skip();
                        break;
                }
            }
        }
        catch (JsonException exception)
        {
            // The policy reader already parsed the whole document, so this is not expected; report it anyway.
            errors.Add(new PolicyError(new PolicyPosition((int)(exception.LineNumber ?? 0) + 1, (int)(exception.BytePositionInLine ?? 0) + 1), "malformed JSON"));
        }
        catch (InvalidOperationException)
        {
            errors.Add(new PolicyError(Position(bytes, reader.TokenStartIndex), "a string holds a lone UTF-16 surrogate escape: it is no character"));
        }

        return new LintSettingsReadResult(errors.Count == 0 ? settings : null, [.. errors]);
    }

    /// <summary>Reads the settings file at <paramref name="path"/>.</summary>
    public static LintSettingsReadResult ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            return Read(Syntax.InputFile.ReadAllText(path, Encoding.UTF8), path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return new LintSettingsReadResult(null, [new PolicyError(new PolicyPosition(0, 0), $"cannot read {path}: {Model.ErrorText.Describe(exception)}")]);
        }
    }

    private static ImmutableArray<string> Strings(ref Utf8JsonReader reader, byte[] bytes, string name, List<PolicyError> errors)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            errors.Add(new PolicyError(Position(bytes, reader.TokenStartIndex), $"\"{name}\" must be an array of rule ids"));
            reader.Skip();
            return [];
        }

        var items = ImmutableArray.CreateBuilder<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.String && reader.GetString() is { Length: > 0 } text)
            {
                items.Add(text);
            }
            else
            {
                errors.Add(new PolicyError(Position(bytes, reader.TokenStartIndex), $"\"{name}\" must hold rule ids or prefixes as strings"));
                reader.Skip();
            }
        }

        return items.ToImmutable();
    }

    private static ImmutableDictionary<string, DiagnosticSeverity> Severities(ref Utf8JsonReader reader, byte[] bytes, List<PolicyError> errors)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            errors.Add(new PolicyError(Position(bytes, reader.TokenStartIndex), "\"severity\" must be an object like { \"PFL102\": \"error\" }"));
            reader.Skip();
            return ImmutableDictionary<string, DiagnosticSeverity>.Empty;
        }

        var result = ImmutableDictionary.CreateBuilder<string, DiagnosticSeverity>(StringComparer.OrdinalIgnoreCase);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var id = reader.GetString()!;
            reader.Read();
            var at = Position(bytes, reader.TokenStartIndex);
            var value = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            if (reader.TokenType is JsonTokenType.StartArray or JsonTokenType.StartObject)
            {
                reader.Skip();
            }

            DiagnosticSeverity? severity = value switch
            {
                "error" => DiagnosticSeverity.Error,
                "warning" => DiagnosticSeverity.Warning,
                "info" => DiagnosticSeverity.Info,
                _ => null,
            };
            if (severity is null)
            {
                errors.Add(new PolicyError(at, $"severity of {id} must be \"error\", \"warning\" or \"info\""));
            }
            else if (RuleRegistry.Find(id) is null)
            {
                errors.Add(new PolicyError(at, $"no rule {id}"));
            }
            else
            {
                result[RuleRegistry.Find(id)!.Id] = severity.Value;
            }
        }

        return result.ToImmutable();
    }

    private static PolicyPosition Position(byte[] bytes, long byteOffset) => PolicyPosition.OfByte(bytes, byteOffset);
}
