using Photon.Ethereum;
using Photon.Ethereum.Abi;
using Photon.Ethereum.JsonRpc;
using Photon.TestSupport;

namespace Photon.Contracts.Tests.Proofs;

/// <summary>A real Anvil with <see cref="ProofsHarness"/> deployed, shared by the proof and lock tests against the EVM.</summary>
public sealed class ProofsHarnessChain : IAsyncLifetime
{
    private const int BatchSize = 64;

    private AnvilFixture? _anvil;

    public AnvilFixture Anvil => _anvil ?? throw new InvalidOperationException("the chain is not started");

    public Address Contract { get; private set; }

    public ContractAbi Abi { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var compilation = await SolidityCompiler.CompileAsync(ProofsHarness.Sources());
        var compiled = compilation[ProofsHarness.Name];
        _anvil = await AnvilFixture.StartAsync();
        var hash = await Anvil.Eth.SendTransactionAsync(new CallRequest { From = AnvilFixture.DevAddresses[0], Data = compiled.DeploymentData() });
        var receipt = await Anvil.Eth.WaitForReceiptAsync(hash, TimeSpan.FromMilliseconds(20), TimeSpan.FromSeconds(30));
        if (!receipt.Succeeded || receipt.ContractAddress is not { } address)
            throw new InvalidOperationException($"deploying {ProofsHarness.Name} failed: {receipt}");
        Contract = address;
        Abi = compiled.Abi;
    }

    public async Task DisposeAsync()
    {
        if (_anvil is not null)
            await _anvil.DisposeAsync();
    }

    /// <summary>eth_call of one harness function; the decoded outputs.</summary>
    public async Task<AbiValues> CallAsync(string function, params object?[] arguments)
    {
        var abiFunction = Abi.GetFunction(function);
        return abiFunction.DecodeOutput(await Anvil.Eth.CallAsync(new CallRequest { To = Contract, Data = abiFunction.EncodeCall(arguments) }));
    }

    /// <summary>Many eth_calls in JSON-RPC batches; each result decoded, or the call's error (e.g. a revert) thrown.</summary>
    public async Task<IReadOnlyList<AbiValues>> CallManyAsync(IReadOnlyList<(string Function, object?[] Arguments)> calls)
    {
        var results = new List<AbiValues>(calls.Count);
        foreach (var chunk in calls.Chunk(BatchSize))
        {
            var functions = chunk.Select(c => Abi.GetFunction(c.Function)).ToArray();
            var requests = chunk.Select((c, i) => new RpcRequest(
                "eth_call", [new CallRequest { To = Contract, Data = functions[i].EncodeCall(c.Arguments) }, "latest"])).ToArray();
            var answers = await Anvil.Rpc.BatchAsync(requests);
            for (var i = 0; i < answers.Count; i++)
                results.Add(functions[i].DecodeOutput(answers[i].GetResult<byte[]>()));
        }
        return results;
    }
}
