using Photon.Contracts.Artifacts;
using Photon.Contracts.Bindings;
using Photon.Ethereum;
using Photon.Ethereum.Eip712;
using Photon.Ethereum.Transactions;

namespace Photon.Contracts.Tests.Network.Support;

/// <summary>One token and its TokenNetwork on the fixture's chain, with helpers to make parties and channels.</summary>
public sealed class TokenNetworkSetup(NetworkFixture fixture, ContractArtifact tokenArtifact, Address token, Address network, Eip712Domain domain)
{
    public NetworkFixture Fixture { get; } = fixture;

    public ContractArtifact TokenArtifact { get; } = tokenArtifact;

    public Address Token { get; } = token;

    public Address Network { get; } = network;

    /// <summary>The EIP-712 domain every proof of this network is signed in.</summary>
    public Eip712Domain Domain { get; } = domain;

    /// <summary>A binding that sends as the fixture's deployer: a third party to every channel.</summary>
    public TokenNetworkContract AsThirdParty => new(Fixture.Eth, Network, Fixture.Deployer);

    public TokenNetworkContract Reader => new(Fixture.Eth, Network);

    public Erc20Contract TokenReader => new(Fixture.Eth, Token);

    public ulong SettleTimeout => Fixture.Parameters.SettleTimeoutMin + 5;

    /// <summary>A fresh account with ether and <see cref="NetworkFixture.InitialTokens"/> minted, approving the network without limit.</summary>
    public async Task<Party> NewPartyAsync()
    {
        var key = await Fixture.NewFundedKeyAsync();
        var party = new Party(this, key, new TransactionSender(Fixture.Eth, key, Fixture.ChainId, NetworkFixture.SenderOptions));
        await party.CallTokenAsync("mint", party.Address, NetworkFixture.InitialTokens);
        await party.Token.ApproveAsync(Network, UInt256.MaxValue);
        return party;
    }

    /// <summary><paramref name="opener"/> opens a channel with <paramref name="partner"/>; returns its id.</summary>
    public Task<UInt256> OpenAsync(Party opener, Party partner, ulong? settleTimeout = null) =>
        OpenAsync(opener, partner.Address, settleTimeout);

    /// <summary><paramref name="opener"/> opens a channel with any address (a contract, say); returns its id.</summary>
    public async Task<UInt256> OpenAsync(Party opener, Address partner, ulong? settleTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(opener);
        var receipt = await opener.Network.OpenChannelAsync(opener.Address, partner, new UInt256(settleTimeout ?? SettleTimeout));
        return TokenNetworkContract.EventsOf(receipt, Network).OfType<ChannelOpened>().Single().ChannelId;
    }

    /// <summary>Opens a channel and has each side deposit for itself.</summary>
    public async Task<UInt256> OpenWithDepositsAsync(Party a, Party b, ulong depositA, ulong depositB, ulong? settleTimeout = null)
    {
        var channelId = await OpenAsync(a, b, settleTimeout);
        if (depositA > 0)
            await a.Network.SetTotalDepositAsync(channelId, a.Address, new UInt256(depositA), b.Address);
        if (depositB > 0)
            await b.Network.SetTotalDepositAsync(channelId, b.Address, new UInt256(depositB), a.Address);
        return channelId;
    }

    public Task<UInt256> TokenBalanceAsync(Address account) => TokenReader.BalanceOfAsync(account);
}
