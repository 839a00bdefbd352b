namespace PostfixLint.Model;

/// <summary>Words an I/O failure the way the C library's <c>strerror()</c> does, as Postfix prints it after <c>%m</c>.</summary>
internal static class ErrorText
{
    /// <summary>The strerror() text for <paramref name="exception"/>.</summary>
    public static string Describe(Exception exception) => exception switch
    {
        FileNotFoundException or DirectoryNotFoundException => "No such file or directory",
        UnauthorizedAccessException => "Permission denied",
        PathTooLongException => "File name too long",
        _ when exception.HResult == 21 || exception.Message.Contains("Is a directory", StringComparison.Ordinal) => "Is a directory",
        _ => exception.Message,
    };
}
