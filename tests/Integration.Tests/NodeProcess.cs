using Photon.Ethereum;
using Photon.Node.Api;
using Photon.TestSupport;

namespace Photon.Integration.Tests;

/// <summary>
/// A real <c>photon node</c> process on a free API port with a dev account on the test chain. It can be
/// killed (SIGKILL) and started again on the same data directory, as after a crash.
/// </summary>
public sealed class NodeProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly IReadOnlyList<string> _arguments;
    private readonly string _dataRoot;
    private PhotonProcess? _process;

    private NodeProcess(int devAccount, IReadOnlyList<string> arguments, string dataRoot)
    {
        DevAccount = devAccount;
        Address = AnvilDevAccounts.Addresses[devAccount];
        _arguments = arguments;
        _dataRoot = dataRoot;
    }

    public int DevAccount { get; }

    public Address Address { get; }

    public NodeApiClient Api { get; private set; } = null!;

    /// <summary>The node's data directory for the test chain (database, API token, lock).</summary>
    public string DataDirectory => Path.Combine(_dataRoot, "31337", Address.ToString());

    public PhotonProcess Process => _process ?? throw new InvalidOperationException("the node is not running");

    public static async Task<NodeProcess> StartAsync(int devAccount, Uri ethRpc, RelayProcess relay, Address registry, string dataRoot)
    {
        var arguments = new List<string>
        {
            "node", "--eth-rpc", ethRpc.ToString(), "--relay", relay.BaseUri.ToString(), "--relay-name", "relay.test",
            "--registry", registry.ToString(), "--data-dir", dataRoot, "--dev-account", devAccount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--api-address", "127.0.0.1:0",
        };
        var node = new NodeProcess(devAccount, arguments, dataRoot);
        try
        {
            await node.RestartAsync();
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }
        return node;
    }

    /// <summary>Starts the node again (after <see cref="KillAsync"/>) on the same data directory.</summary>
    public async Task RestartAsync()
    {
        _process = await PhotonProcess.StartAsync(_arguments, _dataRoot);
        var line = await _process.WaitForLineAsync("api listening on ", StartTimeout);
        var url = new Uri(line[(line.IndexOf("api listening on ", StringComparison.Ordinal) + "api listening on ".Length)..].Trim());
        var token = await File.ReadAllTextAsync(Path.Combine(DataDirectory, "api-token"));
        Api?.Dispose();
        Api = new NodeApiClient(url, token);
    }

    /// <summary>SIGKILL: the node stops at once, mid-write if need be.</summary>
    public async Task KillAsync()
    {
        if (_process is not null)
            await _process.KillAsync();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        Api?.Dispose();
    }
}
