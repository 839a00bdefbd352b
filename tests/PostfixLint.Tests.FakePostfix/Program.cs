// fake-postfix: behaves as the environment tells it, so tests of the Execution layer run no real Postfix.
//   FAKE_POSTFIX_ARGS_FILE  append one line per run: the arguments as a JSON array of strings
//   FAKE_POSTFIX_STDOUT     text written to standard output as is
//   FAKE_POSTFIX_STDERR     text written to standard error as is
//   FAKE_POSTFIX_EXIT_CODE  the exit code (default 0)
using System.Globalization;
using System.Text.Json;

if (Environment.GetEnvironmentVariable("FAKE_POSTFIX_ARGS_FILE") is { Length: > 0 } argsFile)
{
    File.AppendAllText(argsFile, JsonSerializer.Serialize(args) + "\n");
}

if (Environment.GetEnvironmentVariable("FAKE_POSTFIX_STDOUT") is { Length: > 0 } stdout)
{
    Console.Out.Write(stdout);
}

if (Environment.GetEnvironmentVariable("FAKE_POSTFIX_STDERR") is { Length: > 0 } stderr)
{
    Console.Error.Write(stderr);
}

return Environment.GetEnvironmentVariable("FAKE_POSTFIX_EXIT_CODE") is { Length: > 0 } code
    ? int.Parse(code, CultureInfo.InvariantCulture)
    : 0;
