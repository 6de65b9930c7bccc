using Photon.Contracts.Artifacts;
using Photon.Ethereum;
using Photon.Ethereum.Abi;
using Photon.Ethereum.JsonRpc;

namespace Photon.Contracts.Tests.Tokens;

/// <summary>
/// A contract deployed on Anvil, used from Anvil's unlocked dev accounts through eth_call and
/// eth_sendTransaction. Sends wait for the receipt; the helpers assert how a transaction ended.
/// </summary>
internal sealed class DeployedContract(EthClient eth, Address address, ContractAbi abi)
{
    // Enough for every test transaction; a fixed limit also skips gas estimation, so a reverting
    // transaction is really mined (and fails) instead of being refused before it is sent.
    private const ulong RevertingGas = 2_000_000;

    private static readonly TimeSpan ReceiptPoll = TimeSpan.FromMilliseconds(20);

    public Address Address { get; } = address;

    public ContractAbi Abi { get; } = abi;

    public static Task<DeployedContract> DeployAsync(EthClient eth, ContractArtifact artifact, params object?[] constructorArguments) =>
        DeployAsync(eth, artifact.Abi, artifact.DeploymentData(constructorArguments), Dev.Deployer);

    public static async Task<DeployedContract> DeployAsync(EthClient eth, ContractAbi abi, byte[] deploymentData, Address from)
    {
        var hash = await eth.SendTransactionAsync(new CallRequest { From = from, Data = deploymentData });
        var receipt = await eth.WaitForReceiptAsync(hash, ReceiptPoll);
        Assert.True(receipt.Succeeded, $"deployment failed: {receipt}");
        var address = receipt.ContractAddress ?? throw new InvalidOperationException($"the deployment created no contract: {receipt}");
        Assert.NotEmpty(await eth.GetCodeAsync(address));
        return new DeployedContract(eth, address, abi);
    }

    /// <summary>eth_call from <see cref="Dev.Deployer"/>, decoded.</summary>
    public Task<AbiValues> CallAsync(string function, params object?[] arguments) => CallFromAsync(Dev.Deployer, function, arguments);

    public async Task<AbiValues> CallFromAsync(Address from, string function, params object?[] arguments)
    {
        var abiFunction = Abi.GetFunction(function);
        return abiFunction.DecodeOutput(await CallRawAsync(from, function, arguments));
    }

    /// <summary>eth_call's raw output, for checking what a function really returns.</summary>
    public async Task<byte[]> CallRawAsync(Address from, string function, params object?[] arguments) =>
        await eth.CallAsync(new CallRequest { From = from, To = Address, Data = Abi.GetFunction(function).EncodeCall(arguments) });

    /// <summary>eth_call that must revert with this contract's error <paramref name="error"/>; returns the error's arguments.</summary>
    public async Task<AbiValues> CallRevertsWithAsync(string error, Address from, string function, params object?[] arguments)
    {
        var reverted = await Assert.ThrowsAsync<ExecutionRevertedException>(() => CallRawAsync(from, function, arguments));
        var decoded = Abi.DecodeError(reverted.RevertData.Span);
        Assert.True(decoded is not null, $"unknown revert data {Hex.Encode(reverted.RevertData.Span)}");
        Assert.Equal(error, decoded.Error.Name);
        return decoded.Values;
    }

    /// <summary>A transaction that must succeed.</summary>
    public async Task<TransactionReceipt> SendAsync(Address from, string function, params object?[] arguments)
    {
        var receipt = await TransactAsync(from, null, function, arguments);
        Assert.True(receipt.Succeeded, $"{function} reverted: {receipt}");
        return receipt;
    }

    /// <summary>A transaction that must be mined and revert.</summary>
    public async Task<TransactionReceipt> SendRevertingAsync(Address from, string function, params object?[] arguments)
    {
        var receipt = await TransactAsync(from, RevertingGas, function, arguments);
        Assert.False(receipt.Succeeded, $"{function} was expected to revert");
        return receipt;
    }

    /// <summary>This contract's events in the receipt, decoded, in log order.</summary>
    public IReadOnlyList<AbiDecodedEvent> EventsIn(TransactionReceipt receipt) =>
        [.. receipt.Logs.Where(l => l.Address == Address).Select(l => Abi.DecodeLog(l.Topics, l.Data.Span) ?? throw new InvalidOperationException($"unknown log {l}"))];

    public async Task<UInt256> UInt256Async(string function, params object?[] arguments) => (await CallAsync(function, arguments)).GetUInt256(0);

    public Task<UInt256> BalanceOfAsync(Address account) => UInt256Async("balanceOf", account);

    private async Task<TransactionReceipt> TransactAsync(Address from, ulong? gas, string function, object?[] arguments)
    {
        var request = new CallRequest { From = from, To = Address, Data = Abi.GetFunction(function).EncodeCall(arguments), Gas = gas };
        var hash = await eth.SendTransactionAsync(request);
        return await eth.WaitForReceiptAsync(hash, ReceiptPoll);
    }
}
