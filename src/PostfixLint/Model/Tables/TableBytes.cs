using System.IO.MemoryMappedFiles;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace PostfixLint.Model.Tables;

/// <summary>
/// A table source's bytes (Latin-1: one byte, one character): an array, or a private copy-on-write mapping of the file.
/// </summary>
/// <remarks>
/// Mapping instead of reading matters for large tables: the file's pages are already in the page cache, so the
/// kernel maps them in 64 KiB batches instead of faulting in and copying a fresh anonymous buffer page by page. Only
/// <see cref="IndexedTable"/> writes, where it joins continuation lines, and only to bytes no other reader shares
/// (<see cref="TableFiles"/>); copy-on-write keeps those writes out of the file. The mapping lives as long as this
/// object (its handles unmap on finalization).
/// </remarks>
internal sealed class TableBytes
{
    private readonly byte[]? _array;
    private readonly MemoryMappedViewAccessor? _view;
    private readonly nint _address;

    /// <summary>Wraps an array (it will be modified in place).</summary>
    public TableBytes(byte[] array)
    {
        _array = array;
        Length = array.Length;
    }

    private TableBytes(MemoryMappedViewAccessor view, int length)
    {
        _view = view;
        _address = view.SafeMemoryMappedViewHandle.DangerousGetHandle() + (nint)view.PointerOffset;
        Length = length;
    }

    /// <summary>The number of bytes.</summary>
    public int Length { get; }

    /// <summary>The bytes; callers keep this object reachable (<see cref="GC.KeepAlive"/>) while they use the span.</summary>
    public Span<byte> Span => _view is null
        ? _array!
        : MemoryMarshal.CreateSpan(ref Unsafe.AddByteOffset(ref Unsafe.NullRef<byte>(), _address), Length);

    /// <summary>Maps <paramref name="path"/> copy-on-write; small, empty or huge files are read into an array instead.</summary>
    public static TableBytes Open(string path)
    {
        Syntax.InputFile.CheckType(path);
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.None);
        var length = stream.Length;
        if (length > InputLimits.MaxFileBytes)
        {
            stream.Dispose();
            throw new Syntax.InputFileException($"file too large: over {InputLimits.MaxFileBytes >> 20} MiB");
        }

        if (length < 1 << 20 || length > int.MaxValue)
        {
            // Under 1 MiB the mapping's setup costs more than it saves; over 2 GiB a span cannot cover the file.
            stream.Dispose();
            return new TableBytes(Syntax.InputFile.ReadAllBytes(path));
        }

        // The view keeps the pages mapped after the mapping object and the file are closed.
        using var file = MemoryMappedFile.CreateFromFile(stream, mapName: null, 0, MemoryMappedFileAccess.CopyOnWrite,
            HandleInheritability.None, leaveOpen: false);
        return new TableBytes(file.CreateViewAccessor(0, length, MemoryMappedFileAccess.CopyOnWrite), (int)length);
    }

    /// <summary>Decodes <paramref name="length"/> bytes at <paramref name="offset"/> as Latin-1.</summary>
    public string GetString(int offset, int length)
    {
        var text = System.Text.Encoding.Latin1.GetString(Span.Slice(offset, length));
        GC.KeepAlive(this);
        return text;
    }
}
