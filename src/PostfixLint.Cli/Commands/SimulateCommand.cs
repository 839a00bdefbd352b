using System.CommandLine;
using System.Text;
using PostfixLint.Cli.Reporting;
using PostfixLint.Model;
using PostfixLint.Syntax;
using PostfixLint.Simulation;

namespace PostfixLint.Cli.Commands;

/// <summary><c>postfix-lint simulate</c>: what smtpd would reply to a client and envelope, and why.</summary>
internal static class SimulateCommand
{
    /// <summary>Builds the verb; its action writes to <paramref name="streams"/>.</summary>
    public static Command Create(CliStreams streams)
    {
        var configDirectory = CommonOptions.ConfigDirectory("Read main.cf, master.cf and tables from DIR.");
        var root = CommonOptions.Root("Look up absolute paths named in the config (maps) under DIR, like a chroot.");
        var client = new Option<string>("--client") { Description = "The client IP address.", HelpName = "IP" };
        var clientName = new Option<string>("--client-name") { Description = "The client's verified hostname (default: unknown).", HelpName = "NAME" };
        var helo = new Option<string>("--helo") { Description = $"The EHLO name (default: {ProbeJson.DefaultHelo}).", HelpName = "NAME" };
        var noHelo = new Option<bool>("--no-helo") { Description = "Send no HELO/EHLO at all." };
        var saslLogin = new Option<string>("--sasl-login") { Description = "The client authenticates as USER.", HelpName = "USER" };
        var tls = new Option<bool>("--tls") { Description = "The client uses TLS (STARTTLS; a wrapper-mode or encrypt listener implies it)." };
        var clientCert = new Option<string>("--client-cert") { Description = "The fingerprint of the certificate the client presents, as smtpd computes it (smtpd_tls_fingerprint_digest).", HelpName = "FINGERPRINT" };
        var clientCertPkey = new Option<string>("--client-cert-pkey") { Description = "The fingerprint of the client certificate's public key (same digest).", HelpName = "FINGERPRINT" };
        var clientCertCn = new Option<string>("--client-cert-cn") { Description = "The client certificate's subject CommonName.", HelpName = "NAME" };
        var clientCertVerified = new Option<bool>("--client-cert-verified") { Description = "The client certificate verifies against smtpd's trusted CAs." };
        var smtputf8 = new Option<bool>("--smtputf8") { Description = "The client sends MAIL FROM:<ADDR> SMTPUTF8 (RFC 6531: UTF-8 addresses)." };
        var sender = new Option<string>("--sender") { Description = "The MAIL FROM address (\"\" for the null sender).", HelpName = "ADDR" };
        var recipient = new Option<string>("--recipient") { Description = "The RCPT TO address.", HelpName = "ADDR" };
        var service = new Option<string>("--service") { Description = "The master.cf listener: smtp, submission, smtps or host:port (default: smtp).", HelpName = "NAME" };
        var passwd = CommonOptions.Passwd();
        var asDeployed = CommonOptions.AsDeployed();
        var noPasswd = new Option<bool>("--no-passwd") { Description = "Use no passwd file: answers that depend on local users are 'unknown'." };
        var assumeReachable = new Option<bool>("--assume-reachable") { Description = "Skip the inet_interfaces/inet_protocols reachability checks (XCLIENT-style impersonation)." };
        var serverAddress = new Option<string>("--server-address") { Description = "The address clients connect to; the listener must listen there.", HelpName = "IP" };
        var probes = new Option<string>("--probes") { Description = "Read probes from FILE.jsonl (- for standard input), one JSON object per line.", HelpName = "FILE" };
        var format = new Option<string>("--format") { Description = "Output format: text or json (default: text; json for --probes).", HelpName = "text|json" };
        format.AcceptOnlyFromAmong("text", "json");

        var command = new Command("simulate", "Show the exact SMTP replies Postfix would give to a client, and why.")
        {
            configDirectory, root, client, clientName, helo, noHelo, saslLogin, tls, clientCert, clientCertPkey, clientCertCn, clientCertVerified, smtputf8, sender, recipient, service, passwd, asDeployed, noPasswd, assumeReachable, serverAddress, probes, format,
        };
        command.Validators.Add(result =>
        {
            if (result.GetResult(probes) is not null)
            {
                foreach (var single in new Option[] { client, clientName, helo, saslLogin, tls, clientCert, clientCertPkey, clientCertCn, clientCertVerified, smtputf8, sender, recipient })
                {
                    if (result.GetResult(single) is not null)
                    {
                        result.AddError($"{single.Name} cannot be used with --probes");
                    }
                }

                return;
            }

            foreach (var required in new Option[] { client, sender, recipient })
            {
                if (result.GetResult(required) is null)
                {
                    result.AddError($"{required.Name} is required (or give --probes FILE)");
                }
            }
        });
        command.SetAction(parseResult =>
        {
            var directory = parseResult.GetValue(configDirectory) ?? PostfixConfig.DefaultConfigDirectory;
            if (ConfigInput.Load(directory, new ConfigLoadOptions { Root = parseResult.GetValue(root) }, streams) is not { } config)
            {
                return ExitCode.UsageError;
            }

            var simulator = new RelaySimulator(config, new SimulatorOptions
            {
                PasswdFile = parseResult.GetValue(passwd),
                NoPasswd = parseResult.GetValue(noPasswd),
                AsDeployed = parseResult.GetValue(asDeployed),
                AssumeReachable = parseResult.GetValue(assumeReachable),
                ServerAddress = parseResult.GetValue(serverAddress),
            });
            var probesFile = parseResult.GetValue(probes);
            var json = (parseResult.GetValue(format) ?? (probesFile is null ? "text" : "json")) == "json";
            if (probesFile is not null)
            {
                return RunBatch(simulator, probesFile, json, streams);
            }

            var probe = new Probe(parseResult.GetValue(client)!, parseResult.GetValue(sender) ?? "", parseResult.GetValue(recipient)!)
            {
                ClientName = parseResult.GetValue(clientName),
                Helo = parseResult.GetValue(noHelo) ? null : parseResult.GetValue(helo) ?? ProbeJson.DefaultHelo,
                SaslLogin = parseResult.GetValue(saslLogin),
                Service = parseResult.GetValue(service) ?? "smtp",
                Tls = parseResult.GetResult(tls) is null ? null : parseResult.GetValue(tls),
                ClientCert = parseResult.GetValue(clientCert),
                ClientCertPkey = parseResult.GetValue(clientCertPkey),
                ClientCertCommonName = parseResult.GetValue(clientCertCn),
                ClientCertVerified = parseResult.GetValue(clientCertVerified),
                Smtputf8 = parseResult.GetValue(smtputf8),
            };
            var result = simulator.Simulate(probe);
            streams.Out.Write(Utf8Output.Encode(json ? ProbeJson.Format(result) + "\n" : SimulationText.Format(result)));
            return result.Decision == Decision.Accept ? ExitCode.Success : ExitCode.Findings;
        });
        return command;
    }

    private static int RunBatch(RelaySimulator simulator, string path, bool json, CliStreams streams)
    {
        IEnumerable<string> lines;
        try
        {
            // Both read one char per byte, as the CLI reads everything; a UTF-8 line is decoded before it is parsed.
            lines = path == "-" ? ReadAll(streams.In) : File.ReadLines(path, Encoding.Latin1);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            streams.Error.WriteLine($"postfix-lint: fatal: open {path}: {ErrorText.Describe(ex)}");
            return ExitCode.UsageError;
        }

        var allAccepted = true;
        var number = 0;
        try
        {
            foreach (var line in lines)
            {
                number++;
                if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#'))
                {
                    continue;
                }

                var probe = ProbeJson.Parse(Utf8Output.Decode(line), out var error);
                if (probe is null)
                {
                    streams.Error.WriteLine($"postfix-lint: fatal: {path}, line {number}: {error}");
                    return ExitCode.UsageError;
                }

                var result = simulator.Simulate(probe);
                allAccepted &= result.Decision == Decision.Accept;
                streams.Out.Write(Utf8Output.Encode(json ? ProbeJson.Format(result) + "\n" : SimulationText.Format(result) + "\n"));
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            streams.Error.WriteLine($"postfix-lint: fatal: open {path}: {ErrorText.Describe(ex)}");
            return ExitCode.UsageError;
        }

        return allAccepted ? ExitCode.Success : ExitCode.Findings;
    }

    private static IEnumerable<string> ReadAll(TextReader reader)
    {
        while (reader.ReadLine() is { } line)
        {
            yield return line;
        }
    }
}
