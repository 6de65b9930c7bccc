using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Photon.Ethereum.Tests.JsonRpc;

/// <summary>
/// A deliberately misbehaving HTTP/1.1 endpoint on a loopback port, speaking raw HTTP over a
/// TcpListener so that every failure mode is in the test's hands. The handler sees each request
/// body with its sequence number (from 1) and returns the answer, or null to accept the request
/// and never answer. Every answer closes its connection.
/// </summary>
internal sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<int, string, LoopbackResponse?> _handler;
    private readonly Task _acceptLoop;
    private readonly List<Task> _connections = [];
    private readonly Lock _lock = new();
    private int _requests;

    public LoopbackHttpServer(Func<int, string, LoopbackResponse?> handler)
    {
        _handler = handler;
        _listener.Start();
        Url = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _acceptLoop = AcceptAsync();
    }

    public Uri Url { get; }

    /// <summary>Requests received in full so far.</summary>
    public int RequestCount => Volatile.Read(ref _requests);

    /// <summary>The id of a JSON-RPC request body (single request).</summary>
    public static long IdOf(string body)
    {
        using var document = JsonDocument.Parse(body);
        return document.RootElement.GetProperty("id").GetInt64();
    }

    /// <summary>The ids and methods of a JSON-RPC batch body, in order.</summary>
    public static IReadOnlyList<(long Id, string Method)> BatchOf(string body)
    {
        using var document = JsonDocument.Parse(body);
        return [.. document.RootElement.EnumerateArray().Select(r => (r.GetProperty("id").GetInt64(), r.GetProperty("method").GetString()!))];
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _acceptLoop;
        }
        catch (OperationCanceledException)
        {
        }
        Task[] connections;
        lock (_lock)
            connections = [.. _connections];
        await Task.WhenAll(connections);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            lock (_lock)
                _connections.Add(ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            var body = await ReadRequestBodyAsync(stream, _stop.Token);
            if (body is null)
                return;
            var number = Interlocked.Increment(ref _requests);
            var response = _handler(number, body);
            if (response is null)
            {
                // Accepted, never answered: hold the connection until the server is disposed.
                await Task.Delay(Timeout.Infinite, _stop.Token);
                return;
            }
            var payload = Encoding.UTF8.GetBytes(response.Body);
            var head = new StringBuilder();
            head.Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {response.Status} {ReasonPhrase(response.Status)}\r\n");
            head.Append("Content-Type: application/json\r\n");
            if (response.Chunked)
                head.Append("Transfer-Encoding: chunked\r\n");
            else
                head.Append(CultureInfo.InvariantCulture, $"Content-Length: {payload.Length}\r\n");
            head.Append("Connection: close\r\n");
            foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
                head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
            head.Append("\r\n");
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), _stop.Token);
            if (response.Chunked)
                await WriteChunkedAsync(stream, payload, _stop.Token);
            else
                await stream.WriteAsync(payload, _stop.Token);
            await stream.FlushAsync(_stop.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            // The client went away or the server is shutting down.
        }
    }

    private static async Task WriteChunkedAsync(NetworkStream stream, byte[] payload, CancellationToken cancellationToken)
    {
        const int chunkSize = 8 * 1024;
        for (var offset = 0; offset < payload.Length; offset += chunkSize)
        {
            var length = Math.Min(chunkSize, payload.Length - offset);
            await stream.WriteAsync(Encoding.ASCII.GetBytes(length.ToString("x", CultureInfo.InvariantCulture) + "\r\n"), cancellationToken);
            await stream.WriteAsync(payload.AsMemory(offset, length), cancellationToken);
            await stream.WriteAsync("\r\n"u8.ToArray(), cancellationToken);
        }
        await stream.WriteAsync("0\r\n\r\n"u8.ToArray(), cancellationToken);
    }

    // Reads the request head up to the blank line, then Content-Length bytes of body.
    private static async Task<string?> ReadRequestBodyAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (!EndsWithBlankLine(head))
        {
            if (await stream.ReadAsync(one, cancellationToken) == 0)
                return null;
            head.Add(one[0]);
            if (head.Count > 64 * 1024)
                return null;
        }
        var contentLength = 0;
        foreach (var line in Encoding.ASCII.GetString([.. head]).Split("\r\n"))
        {
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                contentLength = int.Parse(line["Content-Length:".Length..].Trim(), CultureInfo.InvariantCulture);
        }
        var body = new byte[contentLength];
        var read = 0;
        while (read < contentLength)
        {
            var n = await stream.ReadAsync(body.AsMemory(read), cancellationToken);
            if (n == 0)
                return null;
            read += n;
        }
        return Encoding.UTF8.GetString(body);
    }

    private static bool EndsWithBlankLine(List<byte> head) =>
        head.Count >= 4 && head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n';

    private static string ReasonPhrase(int status) => status switch
    {
        200 => "OK",
        404 => "Not Found",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Status",
    };
}
