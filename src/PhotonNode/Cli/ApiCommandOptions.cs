using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Photon.Node.Api;

namespace Photon.Node.Cli;

/// <summary>
/// <c>--api</c>, <c>--token</c> and <c>--token-file</c> of the commands that call a running node, and the
/// one way they run: call the API, print its JSON on standard output; an API refusal or an unreachable
/// node is one <c>error: …</c> line on standard error and exit code <see cref="CliOutcome.BadInput"/>.
/// </summary>
internal sealed class ApiCommandOptions
{
    /// <summary>Read when neither --token nor --token-file is given, so scripts need not repeat it.</summary>
    public const string TokenVariable = "PHOTON_API_TOKEN";

    /// <summary>Where <c>photon node</c> serves its API unless told otherwise (its <c>--api-address</c> default).</summary>
    public const string DefaultApi = "http://127.0.0.1:5001";

    // The node's JSON goes out as the node wrote it: no \u escapes of quotes or '+' in reasons.
    private static readonly JsonSerializerOptions Printed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Option<Uri> _api = new("--api")
    {
        Description = "the node's REST API",
        DefaultValueFactory = _ => new Uri(DefaultApi),
        CustomParser = result =>
        {
            var text = result.Tokens.Single().Value;
            if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
                return uri;
            result.AddError($"--api must be an http(s) URL like {DefaultApi}, got '{text}'");
            return null;
        },
    };

    private readonly Option<string?> _token = new("--token") { Description = $"the API bearer token (visible in the process list; prefer --token-file or ${TokenVariable})" };

    /// <summary>The shell's code for a command stopped by SIGINT (128 + 2).</summary>
    private const int Cancelled = 130;

    private readonly Option<string?> _tokenFile = new("--token-file") { Description = "file holding the API bearer token: api-token in the node's data directory" };

    /// <summary>Creates the options and adds them to <paramref name="command"/>.</summary>
    public static ApiCommandOptions AddTo(Command command)
    {
        var options = new ApiCommandOptions();
        command.Options.Add(options._api);
        command.Options.Add(options._token);
        command.Options.Add(options._tokenFile);
        return options;
    }

    /// <summary>
    /// The command's action: runs <paramref name="call"/> with a client of the API and prints the JSON it
    /// returns. The call gets the parse, the client, the error writer (for progress) and the cancellation.
    /// </summary>
    public Func<ParseResult, CancellationToken, Task<int>> Action(Func<ParseResult, NodeApiClient, TextWriter, CancellationToken, Task<JsonNode>> call) =>
        (parse, ct) => RunAsync(parse, call, ct);

    private async Task<int> RunAsync(ParseResult parse, Func<ParseResult, NodeApiClient, TextWriter, CancellationToken, Task<JsonNode>> call, CancellationToken ct)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        var api = parse.GetValue(_api)!;
        try
        {
            // Channel calls wait for the chain (settling waits out the settle window): no client-side
            // timeout; Ctrl-C cancels instead.
            using var client = new NodeApiClient(WithTrailingSlash(api), Token(parse), Timeout.InfiniteTimeSpan);
            var result = await call(parse, client, error, ct).ConfigureAwait(false);
            await output.WriteLineAsync(result.ToJsonString(Printed)).ConfigureAwait(false);
            return 0;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Ctrl-C: the request is abandoned, not undone; what the node already started (e.g. a transaction) goes on.
            await error.WriteLineAsync("cancelled: the node may still finish what it started; check with 'photon channel list' or 'photon payments'").ConfigureAwait(false);
            return Cancelled;
        }
        catch (HttpRequestException e)
        {
            await error.WriteLineAsync($"error: cannot reach the node API at {api}: {CliOutcome.OneLine(e.Message)}").ConfigureAwait(false);
            return CliOutcome.BadInput;
        }
        catch (Exception e) when (e is NodeApiCallException or CliInputException or IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"error: {CliOutcome.OneLine(e.Message)}").ConfigureAwait(false);
            return CliOutcome.BadInput;
        }
    }

    private string Token(ParseResult parse)
    {
        if (parse.GetValue(_token) is { } token)
            return Checked(token, "--token");
        if (parse.GetValue(_tokenFile) is { } file)
            return Checked(CliInput.ReadFile(file, "--token-file").Trim(), $"the token file '{CliInput.FullPath(file, "--token-file")}'");
        if (Environment.GetEnvironmentVariable(TokenVariable) is { Length: > 0 } variable)
            return Checked(variable, TokenVariable);
        throw new CliInputException($"no API token: pass --token-file <data-dir>/<chain id>/<address>/api-token, --token, or set {TokenVariable}");
    }

    // A header value cannot hold control characters or spaces; say so instead of failing inside HttpClient.
    private static string Checked(string token, string source) =>
        token.Length > 0 && token.All(c => c is > ' ' and <= '~')
            ? token
            : throw new CliInputException($"{source} does not hold a bearer token (printable characters without spaces)");

    private static Uri WithTrailingSlash(Uri api) =>
        api.AbsoluteUri.EndsWith('/') ? api : new Uri(api.AbsoluteUri + "/");
}
