using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Photon.Ethereum;
using Photon.Node.Runtime;
using Photon.Node.Storage;
using Photon.Protocol.Events;
using Photon.Protocol.StateChanges;
using Photon.Protocol.Tests.Network;

namespace Photon.Node.Tests.Storage;

/// <summary>
/// The entry point of this test assembly, for the storage tests that need a second process (the test host
/// never calls it): <c>dotnet Photon.Node.Tests.dll &lt;command&gt; …</c>.
/// <list type="bullet">
/// <item><c>commit-then-sigkill &lt;db&gt;</c>: commits <see cref="SampleBatch"/>, prints the last id, and sends
/// itself SIGKILL at once: no dispose, no checkpoint, no finalizer.</item>
/// <item><c>encode-schedule &lt;seed&gt;</c>: prints the SHA-256 of the codec's text of every state the nodes of a
/// random schedule passed through, computed under this process's own hash seed.</item>
/// </list>
/// </summary>
internal static class StorageChildProcess
{
    public static async Task<int> Main(string[] args)
    {
        switch (args)
        {
            case ["commit-then-sigkill", var path]:
                var database = NodeDatabase.Open(path);
                var committed = await database.CommitAsync(SampleBatch(), CancellationToken.None);
                await Console.Out.WriteLineAsync($"committed {committed.LastStateChangeId}");
                await Console.Out.FlushAsync();
                // Process.Kill sends SIGKILL on Unix: the process ends here, the database still open.
                Process.GetCurrentProcess().Kill();
                await Task.Delay(Timeout.Infinite);
                return 1;
            case ["encode-schedule", var seed]:
                await Console.Out.WriteLineAsync(ScheduleDigest(int.Parse(seed, CultureInfo.InvariantCulture)));
                return 0;
            default:
                await Console.Error.WriteLineAsync("usage: commit-then-sigkill <db> | encode-schedule <seed>");
                return 2;
        }
    }

    /// <summary>Three state changes with events and a chain transaction.</summary>
    public static IReadOnlyList<AppliedChange> SampleBatch()
    {
        var tokenNetwork = Address.Parse("0x00000000000000000000000000000000000000b1");
        return
        [
            new AppliedChange(new ContractReceiveTokenNetworkCreated(Address.Parse("0x00000000000000000000000000000000000000a1"), tokenNetwork, 3), 2, [], []),
            new AppliedChange(new Block(4), 4, [new EventLockExpired(tokenNetwork, UInt256.One, tokenNetwork, Hash256.Zero, new UInt256(7))], [("ContractSendChannelSettle", "{}")]),
            new AppliedChange(new Block(5), 5, [], []),
        ];
    }

    /// <summary>SHA-256 (hex) of the encodings of every state of every node of random schedule <paramref name="seed"/>.</summary>
    public static string ScheduleDigest(int seed)
    {
        var (network, _, _) = RandomScheduleTests.Play(seed, 8);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var node in network.Nodes)
        {
            foreach (var transition in node.History)
                sha.AppendData(Encoding.UTF8.GetBytes(ProtocolJson.Encode(transition.StateAfter)));
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
