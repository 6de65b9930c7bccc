using System.Security.Cryptography;
using Photon.Contracts.Bindings;
using Photon.Ethereum;
using Photon.Ethereum.Abi;
using Photon.Ethereum.Crypto;
using Photon.Ethereum.JsonRpc;
using Photon.Ethereum.Transactions;
using Photon.TestSupport;

namespace Photon.Contracts.Tests.Bindings;

/// <summary>
/// The bindings against a real Anvil: the SecretRegistry end to end (transactions, views, events of
/// receipts and of block ranges), and the translation of custom-error reverts into
/// <see cref="ContractErrorException"/> for views, for gas estimation and for transactions that fail
/// on chain, through the <see cref="BindingChain.Refuser"/>.
/// </summary>
public sealed class BindingAnvilTests(BindingChain chain) : IClassFixture<BindingChain>
{
    [Fact]
    public async Task Secrets_register_once_and_are_read_back_with_their_events()
    {
        var registry = new SecretRegistryContract(chain.Eth, chain.SecretRegistry, chain.Sender);
        var secret = new Hash256(RandomNumberGenerator.GetBytes(32));
        var secretHash = new Hash256(SHA256.HashData(secret.ToArray()));
        var from = await chain.Eth.BlockNumberAsync();

        var first = await registry.RegisterSecretAsync(secret);
        var again = await registry.RegisterSecretAsync(secret);

        var revealed = Assert.IsType<SecretRevealed>(Assert.Single(registry.EventsOf(first)));
        Assert.Equal(new SecretRevealed(secretHash, secret), revealed with { Contract = default, BlockNumber = 0, BlockHash = default, TransactionHash = default, LogIndex = 0 });
        Assert.Equal(chain.SecretRegistry, revealed.Contract);
        Assert.Equal(first.BlockNumber, revealed.BlockNumber);
        Assert.Equal(first.BlockHash, revealed.BlockHash);
        Assert.Equal(first.TransactionHash, revealed.TransactionHash);
        Assert.Equal(first.Logs[0].LogIndex, revealed.LogIndex);
        Assert.Empty(registry.EventsOf(again));
        Assert.Equal((UInt256)first.BlockNumber, await registry.GetSecretRevealBlockHeightAsync(secretHash));
        Assert.Equal(UInt256.Zero, await registry.GetSecretRevealBlockHeightAsync(secret));
        Assert.Equal(UInt256.Zero, await registry.GetSecretRevealBlockHeightAsync(secretHash, BlockParameter.FromNumber(first.BlockNumber - 1)));
        Assert.Equal([revealed], await registry.GetEventsAsync(from, BlockParameter.Latest));
    }

    [Fact]
    public async Task A_batch_registers_every_new_secret_and_skips_known_ones()
    {
        var registry = new SecretRegistryContract(chain.Eth, chain.SecretRegistry, chain.Sender);
        var secrets = Enumerable.Range(0, 3).Select(_ => new Hash256(RandomNumberGenerator.GetBytes(32))).ToArray();
        await registry.RegisterSecretAsync(secrets[1]);

        var receipt = await registry.RegisterSecretBatchAsync(secrets);

        Assert.Equal(
            [secrets[0], secrets[2]],
            registry.EventsOf(receipt).Cast<SecretRevealed>().Select(e => e.Secret));
        foreach (var secret in secrets)
            Assert.NotEqual(UInt256.Zero, await registry.GetSecretRevealBlockHeightAsync(new Hash256(SHA256.HashData(secret.ToArray()))));
    }

    [Fact]
    public async Task A_binding_without_a_sender_reads_but_refuses_to_send()
    {
        var registry = new SecretRegistryContract(chain.Eth, chain.SecretRegistry);

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => registry.RegisterSecretAsync(Hash256.Zero));

        Assert.Contains("no TransactionSender", e.Message, StringComparison.Ordinal);
        Assert.Equal(UInt256.Zero, await registry.GetSecretRevealBlockHeightAsync(Hash256.Zero));
    }

    [Fact]
    public async Task A_view_that_reverts_with_a_custom_error_throws_it_typed()
    {
        var network = new TokenNetworkContract(chain.Eth, chain.RefuserAddress);

        var e = await Assert.ThrowsAsync<ContractErrorException>(() => network.GetChannelInfoAsync(42UL));

        Assert.Equal("ChannelNotOpened", e.ErrorName);
        Assert.Equal((UInt256)42UL, e.Arguments.GetUInt256("channelId"));
        Assert.Equal(TokenNetworkContract.ContractName, e.ContractName);
        Assert.Equal(chain.RefuserAddress, e.Contract);
        Assert.IsType<ExecutionRevertedException>(e.InnerException);
        Assert.Null(e.Receipt);
    }

    [Fact]
    public async Task A_revert_without_a_custom_error_stays_as_the_node_reported_it()
    {
        var network = new TokenNetworkContract(chain.Eth, chain.RefuserAddress);

        var e = await Assert.ThrowsAsync<ExecutionRevertedException>(() => network.GetParticipantInfoAsync(1UL, chain.Sender.Address));

        Assert.Equal("Refuser: not a token network", e.Reason.Message);
    }

    [Fact]
    public async Task A_view_of_an_address_without_code_is_refused_as_malformed_naming_the_contract_and_function()
    {
        var network = new TokenNetworkContract(chain.Eth, AnvilFixture.DevAddresses[5]);

        var e = await Assert.ThrowsAsync<AbiException>(() => network.GetChannelInfoAsync(1UL));

        Assert.Contains($"TokenNetwork {AnvilFixture.DevAddresses[5]}", e.Message, StringComparison.Ordinal);
        Assert.Contains("getChannelInfo", e.Message, StringComparison.Ordinal);
        Assert.Contains("no return data", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_call_refused_at_gas_estimation_throws_the_custom_error_and_sends_nothing()
    {
        var network = new TokenNetworkContract(chain.Eth, chain.RefuserAddress, chain.Sender);
        var participant = AnvilFixture.DevAddresses[1];
        var nonce = await chain.Eth.GetTransactionCountAsync(chain.Sender.Address, BlockParameter.Pending);

        var e = await Assert.ThrowsAsync<ContractErrorException>(() => network.OpenChannelAsync(participant, participant, 500UL));

        Assert.Equal("InvalidParticipants", e.ErrorName);
        Assert.Equal(participant, e.Arguments.GetAddress("participant1"));
        Assert.Equal(participant, e.Arguments.GetAddress("participant2"));
        Assert.IsType<ExecutionRevertedException>(e.InnerException);
        Assert.Equal(nonce, await chain.Eth.GetTransactionCountAsync(chain.Sender.Address, BlockParameter.Pending));
    }

    [Fact]
    public async Task A_transaction_that_fails_on_chain_throws_the_custom_error_of_its_replay_with_the_receipt()
    {
        var network = new TokenNetworkContract(chain.Eth, chain.RefuserAddress, chain.Sender);
        var (p1, p2) = (AnvilFixture.DevAddresses[1], AnvilFixture.DevAddresses[2]);
        var opened = await network.OpenChannelAsync(p1, p2, 500UL);
        var channelId = Assert.IsType<ChannelOpened>(Assert.Single(network.EventsOf(opened))).ChannelId;
        using var armingKey = PrivateKey.Parse(AnvilFixture.DevPrivateKeys[3]);
        // A higher tip puts arm() first in the block, after openChannel passed its gas estimation.
        var arming = new TransactionSender(chain.Eth, armingKey, chain.Anvil.ChainId, BindingChain.Options with
        {
            MaxPriorityFeePerGas = 50_000_000_000UL,
            MaxFeePerGas = 100_000_000_000UL,
        });

        await chain.Anvil.SetAutomineAsync(false);
        try
        {
            var pendingBefore = await chain.Eth.GetTransactionCountAsync(chain.Sender.Address, BlockParameter.Pending);
            var open = network.OpenChannelAsync(p1, AnvilFixture.DevAddresses[4], 500UL);
            while (!open.IsCompleted && await chain.Eth.GetTransactionCountAsync(chain.Sender.Address, BlockParameter.Pending) == pendingBefore)
                await Task.Delay(20);
            await arming.SubmitAsync(chain.RefuserAddress, AbiFunction.Parse("function arm()").EncodeCall());
            await chain.Anvil.MineAsync();

            var e = await Assert.ThrowsAsync<ContractErrorException>(() => open);

            Assert.Equal("ChannelExists", e.ErrorName);
            Assert.Equal(channelId, e.Arguments.GetUInt256("channelId"));
            var failure = Assert.IsType<TransactionFailedException>(e.InnerException);
            Assert.NotNull(e.Receipt);
            Assert.Same(failure.Receipt, e.Receipt);
            Assert.False(e.Receipt.Succeeded);
            Assert.Equal(chain.RefuserAddress, e.Receipt.To);
        }
        finally
        {
            await chain.Anvil.SetAutomineAsync(true);
        }
    }
}
