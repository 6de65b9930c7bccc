using Photon.Ethereum;
using Photon.Ethereum.Crypto;
using Photon.Ethereum.JsonRpc;
using Photon.Ethereum.Transactions;
using Photon.TestSupport;

namespace Photon.Contracts.Tests.Bindings;

/// <summary>
/// One Anvil per test class with the real SecretRegistry and a <see cref="Refuser"/> deployed by a
/// <see cref="TransactionSender"/> of dev account 0.
/// </summary>
public sealed class BindingChain : IAsyncLifetime
{
    /// <summary>
    /// Stands in for a TokenNetwork where only reverts matter: answers a few of its calls with the
    /// network's own custom errors (or a plain revert string), and lets <c>openChannel</c> succeed
    /// until <c>arm()</c> is called.
    /// </summary>
    public const string Refuser = """
        // SPDX-License-Identifier: MIT
        pragma solidity 0.8.37;

        import {ITokenNetwork} from "./interfaces/ITokenNetwork.sol";

        contract Refuser {
            bool public armed;
            uint256 private counter;

            function arm() external {
                armed = true;
            }

            function getChannelInfo(uint256 channelId) external pure returns (uint8, uint256, uint256, address, address) {
                revert ITokenNetwork.ChannelNotOpened(channelId);
            }

            function getParticipantInfo(uint256, address) external pure returns (uint256, uint256, bytes32, uint256, bool) {
                revert("Refuser: not a token network");
            }

            function openChannel(address participant1, address participant2, uint256 settleTimeout) external returns (uint256) {
                if (participant1 == participant2) revert ITokenNetwork.InvalidParticipants(participant1, participant2);
                if (armed) revert ITokenNetwork.ChannelExists(counter);
                counter += 1;
                emit ITokenNetwork.ChannelOpened(counter, participant1, participant2, settleTimeout);
                return counter;
            }
        }
        """;

    public static readonly TransactionSenderOptions Options = new()
    {
        PollInterval = TimeSpan.FromMilliseconds(20),
        ReceiptTimeout = TimeSpan.FromSeconds(60),
    };

    public AnvilFixture Anvil { get; } = new();

    public EthClient Eth => Anvil.Eth;

    public PrivateKey Key { get; } = PrivateKey.Parse(AnvilFixture.DevPrivateKeys[0]);

    public TransactionSender Sender { get; private set; } = null!;

    public Address SecretRegistry { get; private set; }

    public Address RefuserAddress { get; private set; }

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)Anvil).InitializeAsync();
        var sources = InterfaceCompilation.Sources(InterfaceCompilation.SecretRegistry, InterfaceCompilation.TokenNetwork, "SecretRegistry.sol");
        sources["Refuser.sol"] = Refuser;
        var compilation = await SolidityCompiler.CompileAsync(sources);
        Sender = new TransactionSender(Eth, Key, Anvil.ChainId, Options);
        SecretRegistry = await DeployAsync(compilation["SecretRegistry"].DeploymentData());
        RefuserAddress = await DeployAsync(compilation["Refuser"].DeploymentData());
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)Anvil).DisposeAsync();
        Key.Dispose();
    }

    private async Task<Address> DeployAsync(byte[] deployment) =>
        (await Sender.SendAsync(null, deployment)).ContractAddress ?? throw new InvalidOperationException("the deployment created no contract");
}
