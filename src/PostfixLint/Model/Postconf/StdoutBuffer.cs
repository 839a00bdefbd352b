using System.Collections.Immutable;

namespace PostfixLint.Model.Postconf;

/// <summary>How much of postconf's standard output survives a fatal error in the middle of printing.</summary>
/// <remarks>
/// postconf prints through the buffered VSTREAM_OUT (src/util/vstream.c), which writes only whole buffers of
/// VSTREAM_BUFSIZE (4096) bytes while it fills; msg_fatal() exits without flushing it. So after a fatal error only
/// the first multiple of 4096 bytes of the text printed so far appears, possibly ending in the middle of a line.
/// </remarks>
internal static class StdoutBuffer
{
    /// <summary>VSTREAM_BUFSIZE in src/util/vstream.h.</summary>
    public const int Size = 4096;

    /// <summary>The output postconf shows when a fatal error stops it after printing <paramref name="lines"/> (each ended by a newline).</summary>
    public static PostconfOutput CutAtFatal(ImmutableArray<string> lines)
    {
        // Values are text one char per byte (Latin-1), so string lengths are byte counts.
        var total = lines.Sum(line => line.Length + 1L);
        var written = total / Size * Size;
        var kept = ImmutableArray.CreateBuilder<string>();
        long offset = 0;
        foreach (var line in lines)
        {
            if (offset + line.Length + 1 <= written)
            {
                kept.Add(line);
                offset += line.Length + 1;
                continue;
            }

            var partial = (int)(written - offset);
            if (partial > 0)
            {
                kept.Add(line[..partial]);
            }

            return new PostconfOutput(kept.ToImmutable(), [], true) { LastLineUnterminated = partial > 0 };
        }

        return new PostconfOutput(kept.ToImmutable(), [], true);
    }
}
