using Photon.Contracts.Artifacts;
using Photon.Contracts.Bindings;
using Photon.Ethereum;
using Photon.Ethereum.Transactions;
using Photon.TestSupport;

namespace Photon.Contracts.Tests.Network.Support;

/// <summary>
/// The network fixture plus a TokenNetwork for each hostile token, and a tiny compiled contract that
/// refuses ERC223 tokens until it is told to accept them. Shared by the hostile-token classes
/// (<see cref="HostileCollection"/>); tests use fresh parties and audit each network from the chain
/// alone (<see cref="NetworkLedger"/>), so they do not depend on each other's channels.
/// </summary>
public sealed class HostileFixture : NetworkFixture
{
    /// <summary>What the re-entrant token holds itself, so calls it makes as a depositor would pay.</summary>
    public static readonly UInt256 ReentrantTokenOwnTokens = new(1_000_000);

    private const string RefusingReceiverSource = """
        // SPDX-License-Identifier: MIT
        pragma solidity 0.8.37;

        /// An ERC223 receiver (a contract participant) that refuses every token until switched to accept.
        contract RefusingReceiver {
            error TokensRefused(address token, uint256 value);

            bool public accepting;

            function setAccepting(bool value) external {
                accepting = value;
            }

            function tokenFallback(address, uint256 value, bytes calldata) external view returns (bool) {
                if (!accepting) revert TokensRefused(msg.sender, value);
                return true;
            }
        }
        """;

    /// <summary>
    /// Senders of this fixture poll for receipts every few milliseconds: Anvil mines at once, but a
    /// first poll that comes a moment too early would otherwise cost the default second.
    /// </summary>
    public static readonly TransactionSenderOptions FastSending = new() { PollInterval = TimeSpan.FromMilliseconds(5) };

    private TransactionSender? _outsider;
    private TokenNetworkSetup? _reentrant;
    private TokenNetworkSetup? _falseReturning;
    private TokenNetworkSetup? _feeOnTransfer;
    private TokenNetworkSetup? _noReturn;
    private TokenNetworkSetup? _erc223;
    private CompiledContract? _refusingReceiver;

    /// <summary>An account that is party to no channel: settles, claims, arms tokens, deploys receivers.</summary>
    public TransactionSender Outsider => _outsider ?? throw NotStarted();

    public TokenNetworkSetup Reentrant => _reentrant ?? throw NotStarted();

    public TokenNetworkSetup FalseReturning => _falseReturning ?? throw NotStarted();

    public TokenNetworkSetup FeeOnTransfer => _feeOnTransfer ?? throw NotStarted();

    public TokenNetworkSetup NoReturn => _noReturn ?? throw NotStarted();

    public TokenNetworkSetup Erc223 => _erc223 ?? throw NotStarted();

    /// <summary><c>RefusingReceiver</c>: <c>tokenFallback</c> reverts with <c>TokensRefused</c> until <c>setAccepting(true)</c>.</summary>
    public CompiledContract RefusingReceiver => _refusingReceiver ?? throw NotStarted();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _outsider = new TransactionSender(Eth, await NewFundedKeyAsync(), ChainId, FastSending);
        _reentrant = await CreateNetworkAsync(ContractArtifacts.ReentrantToken);
        _falseReturning = await CreateNetworkAsync(ContractArtifacts.FalseReturningToken);
        _feeOnTransfer = await CreateNetworkAsync(ContractArtifacts.FeeOnTransferToken);
        _noReturn = await CreateNetworkAsync(ContractArtifacts.NoReturnToken);
        _erc223 = await CreateNetworkAsync(ContractArtifacts.Erc223Token);
        _refusingReceiver = (await SolidityCompiler.CompileAsync(
            RefusingReceiverSource,
            new SolidityCompilerOptions { Optimize = true, EvmVersion = "cancun" },
            "RefusingReceiver.sol"))["RefusingReceiver"];
        await LetTheReentrantTokenDepositAsync();
    }

    /// <summary>The network of <paramref name="setup"/> as the <see cref="Outsider"/> sends to it.</summary>
    public TokenNetworkContract AsOutsider(TokenNetworkSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        return new TokenNetworkContract(Eth, setup.Network, Outsider);
    }

    /// <summary>
    /// As <see cref="TokenNetworkSetup.NewPartyAsync"/> (ether, <see cref="NetworkFixture.InitialTokens"/>
    /// minted, unlimited approval), with a sender that polls for receipts every few milliseconds.
    /// </summary>
    public async Task<Party> NewPartyAsync(TokenNetworkSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var key = await NewFundedKeyAsync();
        var party = new Party(setup, key, new TransactionSender(Eth, key, ChainId, FastSending));
        await party.CallTokenAsync("mint", party.Address, InitialTokens);
        await party.Token.ApproveAsync(setup.Network, UInt256.MaxValue);
        return party;
    }

    /// <summary>A fresh <c>RefusingReceiver</c> (refusing); its address is a fresh participant.</summary>
    public async Task<Address> DeployRefusingReceiverAsync()
    {
        var receipt = await Outsider.SendAsync(null, RefusingReceiver.DeploymentData());
        return receipt.ContractAddress ?? throw new InvalidOperationException($"the receiver deployment created no contract: {receipt}");
    }

    public Task SetAcceptingAsync(Address receiver, bool accepting) =>
        Outsider.SendAsync(receiver, RefusingReceiver.Abi.GetFunction("setAccepting").EncodeCall(accepting));

    /// <summary>
    /// The re-entrant token gets tokens of its own and approves its network, so that a deposit it
    /// makes from inside a transfer would succeed but for the network's lock: the refusal then
    /// proves the lock, not a missing allowance.
    /// </summary>
    private async Task LetTheReentrantTokenDepositAsync()
    {
        var setup = Reentrant;
        var abi = setup.TokenArtifact.Abi;
        var approve = abi.GetFunction("approve").EncodeCall(setup.Network, UInt256.MaxValue);
        await Outsider.SendAsync(setup.Token, abi.GetFunction("arm").EncodeCall(setup.Token, approve));
        // Any transfer fires the armed call: the token calls its own approve, as msg.sender.
        await Outsider.SendAsync(setup.Token, abi.GetFunction("transfer").EncodeCall(Outsider.Address, UInt256.Zero));
        await Outsider.SendAsync(setup.Token, abi.GetFunction("mint").EncodeCall(setup.Token, ReentrantTokenOwnTokens));
        var allowance = await setup.TokenReader.AllowanceAsync(setup.Token, setup.Network);
        if (allowance != UInt256.MaxValue)
            throw new InvalidOperationException($"the re-entrant token did not approve its network (allowance {allowance})");
    }

    private static InvalidOperationException NotStarted() => new("the hostile fixture is not initialised");
}
