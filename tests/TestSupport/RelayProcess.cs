using System.Text.Json.Nodes;

namespace Photon.TestSupport;

/// <summary>
/// A real relay: <c>photon relay --config …</c> on a free loopback port with its database in a temp
/// folder. It can be killed (SIGKILL) and started again on the same port and database. Disposing
/// kills it and deletes the folder.
/// </summary>
public sealed class RelayProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private readonly string _folder;
    private readonly string _config;
    private PhotonProcess? _process;

    private RelayProcess(string folder, string config, Uri baseUri)
    {
        _folder = folder;
        _config = config;
        BaseUri = baseUri;
    }

    public Uri BaseUri { get; }

    public string DatabasePath => Path.Combine(_folder, "relay.db");

    public PhotonProcess Process => _process ?? throw new InvalidOperationException("the relay is not running");

    /// <param name="settings">Config keys beside database and listen (e.g. low limits for one test).</param>
    public static async Task<RelayProcess> StartAsync(JsonObject? settings = null)
    {
        var folder = Directory.CreateTempSubdirectory("photon-relay-").FullName;
        var port = FreeTcpPort.Find();
        var config = settings?.DeepClone().AsObject() ?? [];
        config["database"] = "relay.db";
        config["listen"] = $"http://127.0.0.1:{port}";
        config["server_name"] ??= "relay.test";
        var path = Path.Combine(folder, "relay.json");
        await File.WriteAllTextAsync(path, config.ToJsonString());
        var relay = new RelayProcess(folder, path, new Uri($"http://127.0.0.1:{port}/"));
        try
        {
            await relay.RestartAsync();
        }
        catch
        {
            await relay.DisposeAsync();
            throw;
        }
        return relay;
    }

    /// <summary>Starts the relay (again) on the same port and database; returns once it listens.</summary>
    public async Task RestartAsync()
    {
        if (_process is { HasExited: false })
            throw new InvalidOperationException("the relay is still running");
        if (_process is not null)
            await _process.DisposeAsync();
        _process = await PhotonProcess.StartAsync(["relay", "--config", _config], _folder);
        await _process.WaitForLineAsync("relay listening on", StartTimeout);
    }

    /// <summary>SIGKILL, as in a crash or a power cut of the process.</summary>
    public Task KillAsync() => Process.KillAsync();

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
            await _process.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open; the temp folder is cleaned by the OS eventually.
        }
    }
}
