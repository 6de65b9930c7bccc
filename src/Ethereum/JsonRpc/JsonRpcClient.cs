using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Photon.Ethereum.JsonRpc;

/// <summary>
/// JSON-RPC 2.0 over HTTP. Thread-safe; one instance per endpoint is meant to live as long as the
/// application (it pools connections and survives the endpoint going away and coming back).
/// Each call is retried on transport failures per <see cref="JsonRpcClientOptions"/>; the same
/// request body (and id) is resent, so a retried call is exactly the call that was asked for.
/// Callers that resend non-idempotent requests (eth_sendRawTransaction) must expect an
/// "already known" / "nonce too low" answer when an earlier attempt did reach the node.
/// <para>
/// Parameters are written in the forms the RPC defines (<see cref="SerializerOptions"/>): integers
/// of every .NET type (<see cref="int"/>, <see cref="long"/>, <see cref="ulong"/>, …) and
/// <see cref="UInt256"/> as 0x-quantities, since geth refuses a JSON number where a quantity belongs
/// and no standard method takes one; a negative integer has no quantity form and fails the call
/// with an <see cref="ArgumentException"/> before anything is sent. Bytes (<c>byte[]</c>,
/// <see cref="ReadOnlyMemory{T}"/>, <see cref="Memory{T}"/>) are 0x-data, <see cref="BlockParameter"/>
/// is its tag or number. Floating-point values stay JSON numbers (eth_feeHistory's percentiles).
/// </para>
/// <para>Every failure of a call is an <see cref="RpcException"/> (see there for the family).</para>
/// </summary>
public sealed class JsonRpcClient : IDisposable
{
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json");

    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly string _endpointLabel;
    private long _lastId;

    /// <summary>A client with its own connection pool.</summary>
    public JsonRpcClient(Uri endpoint, JsonRpcClientOptions? options = null)
        : this(CreateHttpClient(), endpoint, options, ownsHttp: true)
    {
    }

    /// <summary>A client over a caller-owned <see cref="HttpClient"/> (its own Timeout should be infinite: ours applies).</summary>
    public JsonRpcClient(HttpClient httpClient, Uri endpoint, JsonRpcClientOptions? options = null)
        : this(httpClient, endpoint, options, ownsHttp: false)
    {
    }

    private JsonRpcClient(HttpClient httpClient, Uri endpoint, JsonRpcClientOptions? options, bool ownsHttp)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(endpoint);
        Options = options ?? new JsonRpcClientOptions();
        Options.Validate();
        _http = httpClient;
        _ownsHttp = ownsHttp;
        Endpoint = endpoint;
        // Hosted endpoints carry API keys in the path, query or user info: messages (and so logs) show only scheme, host and port.
        _endpointLabel = $"{endpoint.Scheme}://{endpoint.Authority}";
    }

    public Uri Endpoint { get; }

    public JsonRpcClientOptions Options { get; }

    /// <summary>
    /// The conventions of the RPC: integers and <see cref="UInt256"/> as 0x-quantities, bytes as 0x-data
    /// (overriding the number, decimal and base64 defaults), <see cref="BlockParameter"/> as its RPC
    /// string; <see cref="Address"/> and <see cref="Hash256"/> as hex. Read-only; copy it
    /// (<c>new JsonSerializerOptions(SerializerOptions)</c>) to add converters.
    /// </summary>
    public static JsonSerializerOptions SerializerOptions => RpcJson.Options;

    /// <summary>Calls <paramref name="method"/> and returns its result element (JSON null is a valid result).</summary>
    public Task<JsonElement> CallAsync(string method, IReadOnlyList<object?> parameters, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentNullException.ThrowIfNull(parameters);
        var id = NextId();
        var body = SerializeRequest(id, method, parameters);
        return SendAsync(body, method, bytes => JsonRpcResponseReader.ReadSingle(bytes, id, method), cancellationToken);
    }

    /// <summary>Calls <paramref name="method"/> and deserializes its result with <see cref="SerializerOptions"/>.</summary>
    public async Task<T?> CallAsync<T>(string method, IReadOnlyList<object?> parameters, CancellationToken cancellationToken = default)
    {
        var result = await CallAsync(method, parameters, cancellationToken).ConfigureAwait(false);
        return RpcJson.Deserialize<T>(result, method);
    }

    /// <summary>
    /// Sends all requests in one HTTP request. The results come back in the order of
    /// <paramref name="requests"/>, whatever order the endpoint answered in; an item's JSON-RPC
    /// error is reported in that item only. Transport failures fail (and retry) the whole batch.
    /// </summary>
    public async Task<IReadOnlyList<RpcResult>> BatchAsync(IReadOnlyList<RpcRequest> requests, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        // JSON-RPC 2.0 calls an empty batch invalid; there is nothing to ask.
        if (requests.Count == 0)
            return [];
        var ids = new long[requests.Count];
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            for (var i = 0; i < requests.Count; i++)
            {
                ArgumentNullException.ThrowIfNull(requests[i]);
                ArgumentException.ThrowIfNullOrEmpty(requests[i].Method);
                ids[i] = NextId();
                WriteRequest(writer, ids[i], requests[i].Method, requests[i].Parameters);
            }
            writer.WriteEndArray();
        }
        var body = buffer.WrittenSpan.ToArray();
        return await SendAsync(body, $"batch[{requests.Count}]", bytes => JsonRpcResponseReader.ReadBatch(bytes, ids, requests), cancellationToken)
            .ConfigureAwait(false);
    }

    public void Dispose()
    {
        if (_ownsHttp)
            _http.Dispose();
    }

    private long NextId() => Interlocked.Increment(ref _lastId);

    private static byte[] SerializeRequest(long id, string method, IReadOnlyList<object?> parameters)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
            WriteRequest(writer, id, method, parameters);
        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteRequest(Utf8JsonWriter writer, long id, string method, IReadOnlyList<object?> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        writer.WriteStartObject();
        writer.WriteString("jsonrpc", "2.0");
        writer.WriteNumber("id", id);
        writer.WriteString("method", method);
        writer.WritePropertyName("params");
        writer.WriteStartArray();
        foreach (var parameter in parameters)
            JsonSerializer.Serialize(writer, parameter, parameter?.GetType() ?? typeof(object), RpcJson.Options);
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private async Task<TResult> SendAsync<TResult>(byte[] body, string label, Func<ReadOnlyMemory<byte>, TResult> read, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            Exception failure;
            HttpStatusCode? status = null;
            TimeSpan? retryAfter = null;
            var timedOut = false;
            using var attemptCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            attemptCts.CancelAfter(Options.RequestTimeout);
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint);
                request.Content = new ByteArrayContent(body);
                request.Content.Headers.ContentType = JsonMediaType;
                using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attemptCts.Token).ConfigureAwait(false);
                var bytes = await ReadBodyAsync(response, label, attemptCts.Token).ConfigureAwait(false);
                status = response.StatusCode;
                if (response.IsSuccessStatusCode)
                    return read(bytes);
                if (!IsAlwaysTransient(status.Value))
                {
                    // An error status that carries a JSON-RPC answer is that answer (some servers
                    // send errors with 4xx/500); without one, 5xx is transient and 4xx is final.
                    if (TryRead(read, bytes, out var answer))
                        return answer;
                    if ((int)status.Value < 500)
                        throw new RpcTransportException($"{label}: {_endpointLabel} answered {HttpStatus(response)}", attempt, status, null);
                }
                retryAfter = RetryAfter(response);
                failure = new HttpRequestException(HttpStatus(response), null, status);
            }
            catch (Exception e) when (e is OperationCanceledException or HttpRequestException or IOException)
            {
                // The caller's cancellation wins over everything; otherwise a cancelled attempt is our timeout.
                cancellationToken.ThrowIfCancellationRequested();
                failure = e;
                timedOut = attemptCts.IsCancellationRequested || e is OperationCanceledException;
            }

            if (attempt >= Options.MaxAttempts)
            {
                var why = timedOut ? $"no answer within {Options.RequestTimeout.TotalMilliseconds:0} ms" : failure.Message;
                var message = $"{label}: {_endpointLabel} failed after {attempt} attempt(s): {why}";
                throw timedOut
                    ? new RpcTimeoutException(message, attempt, Options.RequestTimeout, failure)
                    : new RpcTransportException(message, attempt, status, failure);
            }
            var delay = Backoff(attempt, retryAfter);
            Options.OnRetry?.Invoke(new RpcRetryEvent(label, attempt, delay, failure));
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool TryRead<TResult>(Func<ReadOnlyMemory<byte>, TResult> read, ReadOnlyMemory<byte> bytes, out TResult answer)
    {
        try
        {
            answer = read(bytes);
            return true;
        }
        catch (RpcResponseFormatException)
        {
            answer = default!;
            return false;
        }
    }

    private static bool IsAlwaysTransient(HttpStatusCode status) => status is
        HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway
        or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    // The body is parsed straight from the stream's buffer (no ToArray copy): with the document
    // and the cloned result that keeps the peak near twice the answer, not three times.
    private async Task<ReadOnlyMemory<byte>> ReadBodyAsync(HttpResponseMessage response, string label, CancellationToken cancellationToken)
    {
        var limit = Options.MaxResponseBytes;
        var declared = response.Content.Headers.ContentLength;
        if (declared > limit)
            throw new RpcResponseFormatException($"{label}: the answer has {declared} bytes, more than the limit of {limit}");
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            // A declared length sizes the buffer once (it is within the limit); compressed or chunked answers grow it.
            using var memory = new MemoryStream(declared is > 0 and var length ? (int)length : 16 * 1024);
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (memory.Length + read > limit)
                    throw new RpcResponseFormatException($"{label}: the answer exceeds the limit of {limit} bytes");
                memory.Write(chunk, 0, read);
            }
            return memory.GetBuffer().AsMemory(0, (int)memory.Length);
        }
    }

    private static string HttpStatus(HttpResponseMessage response) =>
        $"HTTP {(int)response.StatusCode} {MessageText.Quote(response.ReasonPhrase ?? "", 60)}";

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
            return delta;
        if (header?.Date is { } date)
            return date - DateTimeOffset.UtcNow;
        return null;
    }

    // Exponential backoff with "equal jitter": half the step is fixed, half random, so retries of
    // many clients spread out while each still waits at least half the nominal delay.
    private TimeSpan Backoff(int failedAttempt, TimeSpan? retryAfter)
    {
        var nominalMs = Math.Min(Options.MaxDelay.TotalMilliseconds, Options.BaseDelay.TotalMilliseconds * Math.Pow(2, failedAttempt - 1));
        var delayMs = nominalMs / 2 + Random.Shared.NextDouble() * nominalMs / 2;
        if (retryAfter is { } serverAsked)
            delayMs = Math.Max(delayMs, serverAsked.TotalMilliseconds);
        delayMs = Math.Clamp(delayMs, 0, Options.MaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(delayMs);
    }

    private static HttpClient CreateHttpClient()
    {
        var handler = new SocketsHttpHandler
        {
            // Recycle pooled connections so a restarted or re-addressed endpoint is picked up.
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
            AutomaticDecompression = DecompressionMethods.All,
        };
        return new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

}
