using Photon.Ethereum.Abi;
using Photon.Ethereum.Crypto;
using Photon.Ethereum.JsonRpc;
using Photon.Ethereum.Tests.Integration;
using Photon.Ethereum.Transactions;
using Photon.TestSupport;

namespace Photon.Ethereum.Tests.Sending;

/// <summary>
/// One Anvil per test class with a <see cref="LedgerContract"/> deployed by a
/// <see cref="TransactionSender"/> of dev account 0 (the owner), who then gives
/// <see cref="Allowance"/> tokens to each of dev accounts 1 to 9. Each test sends from its own
/// account so that the nonces of one test never depend on another.
/// </summary>
public sealed class SenderChain : IAsyncLifetime
{
    public static readonly UInt256 Supply = UInt256.Parse("1000000000000000000000000");

    public static readonly UInt256 Allowance = 1_000_000UL;

    /// <summary>Short polls: Anvil mines each transaction at once.</summary>
    public static readonly TransactionSenderOptions Options = new()
    {
        PollInterval = TimeSpan.FromMilliseconds(20),
        ReceiptTimeout = TimeSpan.FromSeconds(60),
    };

    public AnvilFixture Anvil { get; } = new();

    public EthClient Eth => Anvil.Eth;

    public CompiledContract Compiled { get; private set; } = null!;

    public ContractAbi Abi => Compiled.Abi;

    public Address Ledger { get; private set; }

    public TransactionReceipt DeploymentReceipt { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)Anvil).InitializeAsync();
        Compiled = await LedgerContract.CompileAsync();
        using var ownerKey = Key(0);
        var owner = Sender(ownerKey);
        DeploymentReceipt = await owner.SendAsync(null, Compiled.DeploymentData("Sender Test Ledger", Supply));
        Ledger = DeploymentReceipt.ContractAddress ?? throw new InvalidOperationException($"the deployment created no contract: {DeploymentReceipt}");
        for (var i = 1; i <= 9; i++)
            await owner.SendAsync(Ledger, Transfer(AnvilFixture.DevAddresses[i], Allowance));
    }

    public Task DisposeAsync() => ((IAsyncLifetime)Anvil).DisposeAsync();

    public static PrivateKey Key(int devAccount) => PrivateKey.Parse(AnvilFixture.DevPrivateKeys[devAccount]);

    public TransactionSender Sender(PrivateKey key, TransactionSenderOptions? options = null) =>
        new(Eth, key, Anvil.ChainId, options ?? Options);

    public byte[] Transfer(Address to, UInt256 amount, string tag = "t", string memo = "m") =>
        Abi.GetFunction("transfer").EncodeCall(to, amount, tag, memo);

    public async Task<UInt256> BalanceOfAsync(Address account, Address? ledger = null)
    {
        var function = Abi.GetFunction("balanceOf");
        var output = await Eth.CallAsync(new CallRequest { To = ledger ?? Ledger, Data = function.EncodeCall(account) });
        return function.DecodeOutput(output).GetUInt256(0);
    }

    public async Task<ulong> NonceOfAsync(Hash256 transaction) =>
        (await Eth.GetTransactionByHashAsync(transaction) ?? throw new InvalidOperationException($"the node does not know {transaction}")).Nonce;
}
