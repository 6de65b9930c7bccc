using Photon.Ethereum;
using Photon.Ethereum.Crypto;
using Photon.Ethereum.Transactions;

namespace Photon.Contracts.Tests.Network.Support;

/// <summary>
/// The accounts of a randomized run, funded once (ether, <see cref="NetworkFixture.InitialTokens"/>
/// minted, unlimited approval to the network) before the chain is snapshotted. After every revert
/// to that snapshot the accounts' nonces are back where they were, so each sequence gets new senders
/// (<see cref="NewSenders"/>), which read their nonce afresh.
/// </summary>
public sealed class RandomActors
{
    /// <summary>Anvil mines at once: poll for receipts often, and fix the tip so pricing needs one read fewer.</summary>
    public static readonly TransactionSenderOptions Sending = new()
    {
        PollInterval = TimeSpan.FromMilliseconds(2),
        MaxPriorityFeePerGas = new UInt256(1_000_000_000),
    };

    private RandomActors(TokenNetworkSetup setup, IReadOnlyList<PrivateKey> keys)
    {
        Setup = setup;
        Keys = keys;
    }

    public TokenNetworkSetup Setup { get; }

    public IReadOnlyList<PrivateKey> Keys { get; }

    public IReadOnlyList<Address> Addresses => [.. Keys.Select(k => k.Address)];

    public static async Task<RandomActors> CreateAsync(TokenNetworkSetup setup, int count)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var keys = new List<PrivateKey>();
        for (var i = 0; i < count; i++)
        {
            var key = await setup.Fixture.NewFundedKeyAsync();
            var party = new Party(setup, key, new TransactionSender(setup.Fixture.Eth, key, setup.Fixture.ChainId, Sending));
            await party.CallTokenAsync("mint", party.Address, NetworkFixture.InitialTokens);
            await party.Token.ApproveAsync(setup.Network, UInt256.MaxValue);
            keys.Add(key);
        }
        return new RandomActors(setup, keys);
    }

    /// <summary>One party per key, each with a new sender (nonces read from the chain on first use).</summary>
    public IReadOnlyList<Party> NewSenders() =>
        [.. Keys.Select(k => new Party(Setup, k, new TransactionSender(Setup.Fixture.Eth, k, Setup.Fixture.ChainId, Sending)))];
}
