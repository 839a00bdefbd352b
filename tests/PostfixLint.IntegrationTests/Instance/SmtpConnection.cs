using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace PostfixLint.IntegrationTests.Instance;

/// <summary>A minimal line-oriented SMTP client over a loopback socket: send a command, read the whole (multi-line) reply; STARTTLS or wrapper-mode TLS on demand.</summary>
internal sealed class SmtpConnection : IDisposable
{
    private readonly Socket _socket;
    private readonly byte[] _buffer = new byte[8192];
    private Stream _stream;
    private int _start;
    private int _end;
    private readonly List<string> _dialogue = [];

    private SmtpConnection(Socket socket)
    {
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: false);
    }

    /// <summary>True once the connection is TLS-encrypted.</summary>
    public bool IsEncrypted => _stream is SslStream;

    /// <summary>
    /// Starts TLS on the connection (after a <c>220</c> to STARTTLS, or at once on a wrapper-mode listener). The test
    /// certificate is self-signed, so the server certificate is not verified; buffered plaintext is discarded (RFC 3207).
    /// <paramref name="clientCertificate"/>, when given, is presented whenever the server asks for one, whatever CA names it lists.
    /// </summary>
    public async Task StartTlsAsync(CancellationToken cancellationToken, X509Certificate2? clientCertificate = null)
    {
        _start = _end = 0;
        var ssl = new SslStream(_stream, leaveInnerStreamOpen: false);
        var options = new SslClientAuthenticationOptions { TargetHost = "mail.example.com", RemoteCertificateValidationCallback = (_, _, _, _) => true };
        if (clientCertificate is not null)
        {
            options.ClientCertificates = [clientCertificate];
            options.LocalCertificateSelectionCallback = (_, _, _, _, _) => clientCertificate;
        }

        await ssl.AuthenticateAsClientAsync(options, cancellationToken);
        _stream = ssl;
    }

    /// <summary>Connects to <paramref name="endpoint"/>; a refused or timed-out connection throws <see cref="SocketException"/> or <see cref="OperationCanceledException"/>.</summary>
    public static async Task<SmtpConnection> ConnectAsync(IPEndPoint endpoint, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            cts.CancelAfter(timeout);
            await socket.ConnectAsync(endpoint, cts.Token);
            return new SmtpConnection(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>The session as it went over the wire: <c>C: </c> for each command sent, <c>S: </c> for each reply line read (AUTH credentials masked).</summary>
    public IReadOnlyList<string> Dialogue => _dialogue;

    /// <summary>Sends one command line (CRLF is added).</summary>
    public async Task SendAsync(string command, CancellationToken cancellationToken)
    {
        _dialogue.Add("C: " + (command.StartsWith("AUTH PLAIN ", StringComparison.OrdinalIgnoreCase) ? "AUTH PLAIN <credentials>" : command));
        var bytes = Encoding.UTF8.GetBytes(command + "\r\n");
        await _stream.WriteAsync(bytes, cancellationToken);
        await _stream.FlushAsync(cancellationToken);
    }

    /// <summary>Reads one reply; continuation lines (<c>250-...</c>) are joined with <c>\n</c>; null when the server closed the connection.</summary>
    public async Task<string?> ReadReplyAsync(CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        while (true)
        {
            var line = await ReadLineAsync(cancellationToken);
            if (line is null)
            {
                return lines.Count == 0 ? null : string.Join('\n', lines);
            }

            lines.Add(line);
            _dialogue.Add("S: " + line);

            // RFC 5321 4.2: "250-" continues a reply, "250 " (or a bare code) ends it.
            if (line.Length < 4 || line[3] != '-')
            {
                return string.Join('\n', lines);
            }
        }
    }

    /// <summary>Sends a command and reads its reply.</summary>
    public async Task<string?> CommandAsync(string command, CancellationToken cancellationToken)
    {
        await SendAsync(command, cancellationToken);
        return await ReadReplyAsync(cancellationToken);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _stream.Dispose();
        _socket.Dispose();
    }

    private async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            if (newline >= 0)
            {
                var length = newline - _start;
                if (length > 0 && _buffer[newline - 1] == '\r')
                {
                    length--;
                }

                var line = Encoding.UTF8.GetString(_buffer, _start, length);
                _start = newline + 1;
                return line;
            }

            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }

            if (_end == _buffer.Length)
            {
                throw new IOException("SMTP reply line longer than 8192 bytes");
            }

            int read;
            try
            {
                read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
            }
            catch (IOException) when (!cancellationToken.IsCancellationRequested)
            {
                return null;
            }

            if (read == 0)
            {
                return null;
            }

            _end += read;
        }
    }
}
