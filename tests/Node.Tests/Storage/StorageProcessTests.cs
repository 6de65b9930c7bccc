using Microsoft.Data.Sqlite;
using Photon.Node.Storage;
using Photon.TestSupport;

namespace Photon.Node.Tests.Storage;

/// <summary>Storage seen from a second process: a commit survives SIGKILL, and the codec writes the same bytes under another hash seed.</summary>
public sealed class StorageProcessTests : IDisposable
{
    private static readonly TimeSpan ChildTimeout = TimeSpan.FromMinutes(2);
    private readonly string _folder = Directory.CreateTempSubdirectory("photon-storage-child-").FullName;

    [Fact]
    public async Task A_batch_committed_by_a_process_killed_with_sigkill_right_after_the_commit_is_there_on_reopen()
    {
        var path = Path.Combine(_folder, "node.db");

        var result = await RunChildAsync("commit-then-sigkill", path);

        // 128 + SIGKILL: the child died by the signal, after printing what the commit returned.
        Assert.True(result.ExitCode == 137, $"exit code {result.ExitCode}; stdout: {result.StandardOutput}; stderr: {result.StandardError}");
        var batch = StorageChildProcess.SampleBatch();
        Assert.Equal($"committed {batch.Count}", result.StandardOutput.Trim());
        // The commit is only in the WAL (a killed process never checkpoints): the reopen must recover it from there.
        Assert.True(new FileInfo(path + "-wal").Length > 0, "the WAL is empty: the batch was checkpointed, and the test proves less than it says");
        using var database = NodeDatabase.Open(path);
        var history = await database.LoadAsync(CancellationToken.None);
        Assert.Equal(batch.Select(b => b.Change), history.Later.Select(l => l.Change));
        Assert.Equal(batch.SelectMany(b => b.Events), (await database.ReadEventsAsync(0, 100, CancellationToken.None)).Select(e => e.Event));
        Assert.Single(await database.LoadUnfinishedAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Another_process_encodes_the_states_of_a_random_schedule_to_the_same_bytes()
    {
        const int Seed = 5;

        var result = await RunChildAsync("encode-schedule", Seed.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.True(result.ExitCode == 0, $"exit code {result.ExitCode}; stderr: {result.StandardError}");
        Assert.Equal(StorageChildProcess.ScheduleDigest(Seed), result.StandardOutput.Trim());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static Task<ProcessResult> RunChildAsync(params string[] arguments) =>
        ProcessRunner.RunAsync("dotnet", [typeof(StorageChildProcess).Assembly.Location, .. arguments], ChildTimeout);
}
