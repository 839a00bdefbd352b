namespace PostfixLint.Model;

/// <summary>Prints a configuration the way <c>postconf</c> prints it.</summary>
public static class PostconfPrinter
{
    /// <summary>The lines and warnings <c>postconf</c> would print for <paramref name="query"/>.</summary>
    /// <remarks>
    /// Lines are <c>name = value</c> with whitespace runs collapsed, sorted by name in byte order unless names
    /// are given. Messages are worded as postconf words them, without the <c>postconf: warning: </c> prefix.
    /// </remarks>
    public static PostconfOutput Print(PostfixConfig config, PostconfQuery query)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(query);
        if (query.DefaultsOnly)
        {
            // postconf -d never reads main.cf (src/postconf/postconf.c), but still reads master.cf.
            var output = config.DefaultsEngine.Print(query);
            return output with { Messages = [.. config.MasterReadMessages, .. output.Messages], Failed = output.Failed || config.MasterReadFailed };
        }

        if (config.ReadFailed)
        {
            return new PostconfOutput([], config.ReadMessages, true);
        }

        var result = config.Engine.Print(query);
        return result with { Messages = [.. config.ReadMessages, .. result.Messages] };
    }
}
