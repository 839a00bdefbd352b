using System.Collections.Immutable;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace PostfixLint.Analysis.Relay;

/// <summary>Reads a relay policy from JSON (comments and trailing commas allowed), reporting problems by line and column.</summary>
/// <remarks>
/// The policy is either under a top-level <c>"policy"</c> key (the <c>.postfix-lint.json</c> shape) or the top-level
/// object itself (a file given with <c>--policy</c>). Keys this reader does not know are skipped, so a configuration
/// file may carry other settings. Built on <see cref="Utf8JsonReader"/>: no reflection, safe for trimming and AOT.
/// </remarks>
public static class RelayPolicyReader
{
    private static readonly JsonReaderOptions s_options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>Reads <paramref name="json"/>; never throws for bad input.</summary>
    public static RelayPolicyReadResult Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var bytes = Encoding.UTF8.GetBytes(json);
        var state = new ReadState(bytes);
        var reader = new Utf8JsonReader(bytes, s_options);
        RelayPolicy? policy = null;
        try
        {
            if (!reader.Read())
            {
                state.Error(0, "the file is empty: expected a JSON object");
                return state.Result(null);
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                state.Error(reader.TokenStartIndex, "expected a JSON object at the top level");
                return state.Result(null);
            }

            var bare = new PolicyBuilder();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                reader.Read();
                if (name == "policy")
                {
                    var nested = new PolicyBuilder();
                    if (ExpectObject(ref reader, state, "\"policy\""))
                    {
                        ReadPolicyBody(ref reader, state, nested);
                        policy = nested.Build();
                    }
                }
                else if (!ReadPolicyProperty(ref reader, state, bare, name))
                {
                    reader.Skip();
                }
            }

            if (bare.Seen)
            {
                policy ??= bare.Build();
            }

            if (reader.Read())
            {
                state.Error(reader.TokenStartIndex, "unexpected content after the top-level object");
            }
        }
        catch (JsonException exception)
        {
            // Our words: the AOT build carries no System.Text.Json message texts, only their resource keys.
            state.ErrorAt((int)(exception.LineNumber ?? 0) + 1, (int)(exception.BytePositionInLine ?? 0), "malformed JSON: the text here is not what JSON allows at this point");
            return state.Result(null);
        }
        catch (InvalidOperationException)
        {
            // Utf8JsonReader.GetString() refuses an escape that is half a UTF-16 surrogate pair.
            state.Error(reader.TokenStartIndex, "a string holds a lone UTF-16 surrogate escape (\\uD800-\\uDFFF without its pair): it is no character");
            return state.Result(null);
        }

        return state.Result(policy);
    }

    private static void ReadPolicyBody(ref Utf8JsonReader reader, ReadState state, PolicyBuilder builder)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            if (!ReadPolicyProperty(ref reader, state, builder, name))
            {
                reader.Skip();
            }
        }
    }

    /// <summary>Reads one known policy key's value; false (value not consumed) for other keys.</summary>
    private static bool ReadPolicyProperty(ref Utf8JsonReader reader, ReadState state, PolicyBuilder builder, string name)
    {
        switch (name)
        {
            case "mayRelay":
            case "mustNotRelay":
                builder.Seen = true;
                var target = name == "mayRelay" ? builder.MayRelay : builder.MustNotRelay;
                if (ExpectArray(ref reader, state, $"\"{name}\""))
                {
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        if (ReadRelayIntent(ref reader, state, name) is { } intent)
                        {
                            target.Add(intent);
                        }
                    }
                }

                return true;
            case "senders":
                builder.Seen = true;
                if (ExpectArray(ref reader, state, "\"senders\""))
                {
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        if (ReadSenderIntent(ref reader, state) is { } intent)
                        {
                            builder.Senders.Add(intent);
                        }
                    }
                }

                return true;
            default:
                return false;
        }
    }

    private static RelayIntent? ReadRelayIntent(ref Utf8JsonReader reader, ReadState state, string listName)
    {
        var start = reader.TokenStartIndex;
        if (!ExpectObject(ref reader, state, $"an entry of \"{listName}\""))
        {
            return null;
        }

        string? clientText = null;
        IPNetwork? client = null;
        var service = "smtp";
        string? login = null;
        var valid = true;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            switch (name)
            {
                case "client":
                    if (ReadString(ref reader, state, "\"client\"") is { } text)
                    {
                        clientText = text;
                        client = ParseClient(text);
                        if (client is null)
                        {
                            state.Error(reader.TokenStartIndex, $"\"client\": \"{text}\" is not an IP address or a CIDR block without host bits");
                            valid = false;
                        }
                    }
                    else
                    {
                        valid = false;
                    }

                    break;
                case "service":
                    if (ReadString(ref reader, state, "\"service\"") is { Length: > 0 } serviceText)
                    {
                        service = serviceText;
                    }

                    break;
                case "saslLogin":
                    login = ReadString(ref reader, state, "\"saslLogin\"");
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        if (clientText is null && valid)
        {
            state.Error(start, $"an entry of \"{listName}\" needs a \"client\" (an IP address or CIDR block)");
            return null;
        }

        return valid && client is { } network ? new RelayIntent(clientText!, network, service, login, state.PositionOf(start)) : null;
    }

    private static SenderIntent? ReadSenderIntent(ref Utf8JsonReader reader, ReadState state)
    {
        var start = reader.TokenStartIndex;
        if (!ExpectObject(ref reader, state, "an entry of \"senders\""))
        {
            return null;
        }

        string? login = null;
        var may = ImmutableArray<string>.Empty;
        var mayNot = ImmutableArray<string>.Empty;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            switch (name)
            {
                case "saslLogin":
                    login = ReadString(ref reader, state, "\"saslLogin\"");
                    break;
                case "may":
                    may = ReadStringArray(ref reader, state, "\"may\"");
                    break;
                case "mayNot":
                    mayNot = ReadStringArray(ref reader, state, "\"mayNot\"");
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        if (string.IsNullOrEmpty(login))
        {
            state.Error(start, "an entry of \"senders\" needs a \"saslLogin\"");
            return null;
        }

        return new SenderIntent(login, may, mayNot, state.PositionOf(start));
    }

    private static ImmutableArray<string> ReadStringArray(ref Utf8JsonReader reader, ReadState state, string what)
    {
        if (!ExpectArray(ref reader, state, what))
        {
            return [];
        }

        var items = ImmutableArray.CreateBuilder<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (ReadString(ref reader, state, $"an item of {what}") is { } item)
            {
                items.Add(item);
            }
        }

        return items.ToImmutable();
    }

    private static string? ReadString(ref Utf8JsonReader reader, ReadState state, string what)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString();
        }

        state.Error(reader.TokenStartIndex, $"{what} must be a string");
        reader.Skip();
        return null;
    }

    private static bool ExpectObject(ref Utf8JsonReader reader, ReadState state, string what)
    {
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            return true;
        }

        state.Error(reader.TokenStartIndex, $"{what} must be an object");
        reader.Skip();
        return false;
    }

    private static bool ExpectArray(ref Utf8JsonReader reader, ReadState state, string what)
    {
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            return true;
        }

        state.Error(reader.TokenStartIndex, $"{what} must be an array");
        reader.Skip();
        return false;
    }

    /// <summary>Parses <c>192.0.2.1</c>, <c>10.0.0.0/8</c>, <c>::/0</c>, <c>[::1]</c>, <c>[2001:db8::]/32</c>; null when it is none of these.</summary>
    internal static IPNetwork? ParseClient(string text)
    {
        var trimmed = text.Trim();
        var slash = trimmed.IndexOf('/', StringComparison.Ordinal);
        var addressText = (slash < 0 ? trimmed : trimmed[..slash]).Trim('[', ']');
        var lengthText = slash < 0 ? null : trimmed[(slash + 1)..].TrimEnd(']');
        if (!IPAddress.TryParse(addressText, out var address)
            || (address.AddressFamily == AddressFamily.InterNetwork && addressText.Count(c => c == '.') != 3))
        {
            return null;
        }

        var bits = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        var length = bits;
        if (lengthText is not null && (!int.TryParse(lengthText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out length) || length > bits))
        {
            return null;
        }

        var network = new IPNetwork(Mask(address, length), length);
        return network.BaseAddress.Equals(address) ? network : null;
    }

    private static IPAddress Mask(IPAddress address, int length)
    {
        var bytes = address.GetAddressBytes();
        for (var i = 0; i < bytes.Length; i++)
        {
            var keep = Math.Clamp(length - (i * 8), 0, 8);
            bytes[i] &= (byte)(0xFF << (8 - keep));
        }

        return new IPAddress(bytes);
    }

    private sealed class PolicyBuilder
    {
        public bool Seen { get; set; }

        public List<RelayIntent> MayRelay { get; } = [];

        public List<RelayIntent> MustNotRelay { get; } = [];

        public List<SenderIntent> Senders { get; } = [];

        public RelayPolicy Build() => new([.. MayRelay], [.. MustNotRelay], [.. Senders]);
    }

    private sealed class ReadState(byte[] bytes)
    {
        private readonly List<PolicyError> _errors = [];

        public void Error(long byteOffset, string message) => _errors.Add(new PolicyError(PositionOf(byteOffset), message));

        public void ErrorAt(int line, int bytePositionInLine, string message)
        {
            var lineStart = 0;
            for (var current = 1; current < line && lineStart < bytes.Length; lineStart++)
            {
                if (bytes[lineStart] == (byte)'\n')
                {
                    current++;
                }
            }

            var length = Math.Clamp(bytePositionInLine, 0, bytes.Length - lineStart);
            _errors.Add(new PolicyError(new PolicyPosition(line, Encoding.UTF8.GetCharCount(bytes, lineStart, length) + 1), message));
        }

        public PolicyPosition PositionOf(long byteOffset) => PolicyPosition.OfByte(bytes, byteOffset);

        public RelayPolicyReadResult Result(RelayPolicy? policy) => new(policy, [.. _errors]);
    }
}
