namespace PostfixLint.IntegrationTests.Instance;

/// <summary>Creates an instance's queue and data directories with the owners and modes <c>postfix-files</c> prescribes.</summary>
/// <remarks>
/// This is what <c>post-install create-missing</c> does for these two directories, without its ~0.6 s of shell and
/// postconf runs. <c>data_directory</c> must be owned by <c>mail_owner</c>: created by root, master fails with
/// <c>open lock file .../master.lock: Permission denied</c>.
/// </remarks>
internal static class QueueLayout
{
    /// <summary>Debian's list of Postfix files and directories (<c>$meta_directory/postfix-files</c>).</summary>
    public const string PostfixFiles = "/etc/postfix/postfix-files";

    /// <summary>Creates the directories; false when <see cref="PostfixFiles"/> is missing (the caller then runs <c>postfix check-fatal</c>).</summary>
    public static bool TryCreate(string queueDirectory, string dataDirectory)
    {
        if (OperatingSystem.IsWindows() || !File.Exists(PostfixFiles))
        {
            return false;
        }

        var mailOwner = Lookup("/etc/passwd", "postfix");
        var setgidGroup = Lookup("/etc/group", "postdrop");
        foreach (var line in File.ReadLines(PostfixFiles))
        {
            // postfix-files(5)-style entry: path:type:owner:group:mode:flags, e.g. $queue_directory/public:d:$mail_owner:$setgid_group:710:uc
            var fields = line.Split(':');
            if (line.StartsWith('#') || fields.Length < 5 || fields[1] != "d")
            {
                continue;
            }

            var path = fields[0].Replace("$queue_directory", queueDirectory, StringComparison.Ordinal)
                .Replace("$data_directory", dataDirectory, StringComparison.Ordinal);
            if (path.Contains('$', StringComparison.Ordinal))
            {
                continue;
            }

            Directory.CreateDirectory(path);
            var uid = fields[2] == "$mail_owner" ? mailOwner : 0;
            var gid = fields[3] == "$setgid_group" ? setgidGroup : 0;
            Native.Chown(path, uid, gid);
            File.SetUnixFileMode(path, (UnixFileMode)Convert.ToInt32(fields[4], 8));
        }

        return true;
    }

    private static int Lookup(string database, string name)
    {
        foreach (var line in File.ReadLines(database))
        {
            var fields = line.Split(':');
            if (fields.Length > 2 && fields[0] == name)
            {
                return int.Parse(fields[2], System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException($"'{name}' is not in {database}: is Postfix installed? Run scripts/test.sh.");
    }
}
