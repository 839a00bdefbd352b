using PostfixLint.Syntax;

namespace PostfixLint.Model;

/// <summary>Words an I/O failure the way the C library's <c>strerror()</c> does, as Postfix prints it after <c>%m</c>.</summary>
/// <remarks>
/// Never the exception's own message: the Native AOT build strips .NET's message texts and leaves resource keys
/// ("IO_FileNotFound_FileName"). On Unix an <see cref="IOException"/>'s HResult is the errno.
/// </remarks>
internal static class ErrorText
{
    /// <summary>The strerror() text for <paramref name="exception"/>.</summary>
    public static string Describe(Exception exception) => exception switch
    {
        InputFileException => exception.Message,
        FileNotFoundException or DirectoryNotFoundException => "No such file or directory",
        PathTooLongException => "File name too long",
        UnauthorizedAccessException => "Permission denied",
        IOException => exception.HResult switch
        {
            2 => "No such file or directory",
            5 => "Input/output error",
            6 => "No such device or address",
            13 => "Permission denied",
            19 => "No such device",
            20 => "Not a directory",
            21 => "Is a directory",
            24 => "Too many open files",
            27 => "File too large",
            36 => "File name too long",
            40 => "Too many levels of symbolic links",
            _ => "Input/output error",
        },
        _ => "Input/output error",
    };
}
