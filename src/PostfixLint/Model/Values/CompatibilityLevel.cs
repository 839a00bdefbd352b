using System.Diagnostics.CodeAnalysis;

namespace PostfixLint.Model.Values;

/// <summary>A Postfix <c>compatibility_level</c> value, <c>major[.minor[.patch]]</c>, compared numerically per field.</summary>
/// <remarks>
/// Follows <c>src/global/compat_level.c</c> (<c>compat_level_from_string()</c>): each field is read with
/// <c>strtol()</c>, so <c>3.06</c> equals <c>3.6</c> and <c>3.10</c> is greater than <c>3.9</c>; minor and patch
/// are limited to 0..1023; <c>3.</c>, <c>.1</c>, <c>3a</c> and negative fields are malformed.
/// </remarks>
internal readonly record struct CompatibilityLevel : IComparable<CompatibilityLevel>
{
    private const int MinorShift = 10;
    private const int MajorShift = 20;
    private const long FieldBits = 0x3ff;

    private readonly long _encoded;

    private CompatibilityLevel(long encoded) => _encoded = encoded;

    /// <summary>Level 0, the built-in default of <c>compatibility_level</c> in Postfix 3.7.</summary>
    public static CompatibilityLevel Zero => default;

    /// <summary>The highest level Postfix 3.7 knows (<c>LAST_COMPAT_LEVEL</c>, 3.6).</summary>
    public static CompatibilityLevel Last37 => FromNumbers(3, 6, 0);

    /// <summary>The major version number.</summary>
    public long Major => _encoded >> MajorShift;

    /// <summary>The minor version number (0 when absent).</summary>
    public int Minor => (int)((_encoded >> MinorShift) & FieldBits);

    /// <summary>The patch level (0 when absent).</summary>
    public int Patch => (int)(_encoded & FieldBits);

    /// <summary>Builds a level from its numbers; throws when a field is out of Postfix's range.</summary>
    public static CompatibilityLevel FromNumbers(long major, int minor, int patch)
    {
        if (major < 0 || major > (long.MaxValue >> MajorShift))
        {
            throw new ArgumentOutOfRangeException(nameof(major));
        }

        if (minor < 0 || minor > FieldBits)
        {
            throw new ArgumentOutOfRangeException(nameof(minor));
        }

        if (patch < 0 || patch > FieldBits)
        {
            throw new ArgumentOutOfRangeException(nameof(patch));
        }

        return new CompatibilityLevel((major << MajorShift) | ((long)minor << MinorShift) | (long)patch);
    }

    /// <summary>Parses a level; throws <see cref="FormatException"/> with Postfix's message when malformed.</summary>
    public static CompatibilityLevel Parse(string text)
    {
        if (!TryParse(text, out var level, out var message))
        {
            throw new FormatException(message);
        }

        return level;
    }

    /// <summary>Parses a level as Postfix does; returns false when it is malformed.</summary>
    public static bool TryParse(string text, out CompatibilityLevel level) => TryParse(text, out level, out _);

    /// <summary>Parses a level; on failure <paramref name="message"/> is Postfix's warning text.</summary>
    public static bool TryParse(string text, out CompatibilityLevel level, [NotNullWhen(false)] out string? message)
    {
        ArgumentNullException.ThrowIfNull(text);
        level = default;
        message = null;

        // src/global/compat_level.c: compat_level_from_string().
        var major = CNumber.StrToL(text, 0, out var end, out var overflow);
        if (end > 0 && (end == text.Length || text[end] == '.') && !overflow
            && major >= 0 && major <= (long.MaxValue >> MajorShift))
        {
            var encoded = major << MajorShift;
            if (end == text.Length)
            {
                level = new CompatibilityLevel(encoded);
                return true;
            }

            var start = end + 1;
            var minor = CNumber.StrToL(text, start, out end, out overflow);
            if (end > start && (end == text.Length || text[end] == '.') && !overflow
                && minor >= 0 && minor <= FieldBits)
            {
                encoded |= minor << MinorShift;
                if (end == text.Length)
                {
                    level = new CompatibilityLevel(encoded);
                    return true;
                }

                start = end + 1;
                var patch = CNumber.StrToL(text, start, out end, out overflow);
                if (end > start && end == text.Length && !overflow && patch >= 0 && patch <= FieldBits)
                {
                    level = new CompatibilityLevel(encoded | patch);
                    return true;
                }
            }
        }

        message = $"malformed compatibility level syntax: \"{text}\"";
        return false;
    }

    /// <inheritdoc />
    public int CompareTo(CompatibilityLevel other) => _encoded.CompareTo(other._encoded);

    /// <summary>True when <paramref name="left"/> is lower than <paramref name="right"/>.</summary>
    public static bool operator <(CompatibilityLevel left, CompatibilityLevel right) => left._encoded < right._encoded;

    /// <summary>True when <paramref name="left"/> is higher than <paramref name="right"/>.</summary>
    public static bool operator >(CompatibilityLevel left, CompatibilityLevel right) => left._encoded > right._encoded;

    /// <summary>True when <paramref name="left"/> is lower than or equal to <paramref name="right"/>.</summary>
    public static bool operator <=(CompatibilityLevel left, CompatibilityLevel right) => left._encoded <= right._encoded;

    /// <summary>True when <paramref name="left"/> is higher than or equal to <paramref name="right"/>.</summary>
    public static bool operator >=(CompatibilityLevel left, CompatibilityLevel right) => left._encoded >= right._encoded;

    /// <summary>Formats as <c>compat_level_to_string()</c> does: levels up to 2 as one number, later ones as major.minor[.patch].</summary>
    public override string ToString()
    {
        if (Major <= 2)
        {
            return Major.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return Patch != 0 ? $"{Major}.{Minor}.{Patch}" : $"{Major}.{Minor}";
    }
}
