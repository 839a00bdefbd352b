namespace PostfixLint.Model;

/// <summary>Prints a configuration the way <c>postconf</c> prints it.</summary>
public static class PostconfPrinter
{
    /// <summary>The lines and warnings <c>postconf</c> would print for <paramref name="query"/>.</summary>
    public static PostconfOutput Print(PostfixConfig config, PostconfQuery query) =>
        throw new NotSupportedException("pending: postconf printer");
}
