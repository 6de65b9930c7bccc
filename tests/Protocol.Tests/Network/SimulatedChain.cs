using Photon.Ethereum;
using Photon.Protocol.Events;
using Photon.Protocol.StateChanges;

namespace Photon.Protocol.Tests.Network;

/// <summary>
/// The chain of a <see cref="TestNetwork"/>: one token network, the channels opened in it with their
/// deposits, the current block, the secrets registered in the SecretRegistry, and a ledger of every
/// transaction (<c>ContractSend*</c> event) the nodes submitted. It only keeps the books; the network
/// turns what it mines into <c>ContractReceive*</c> state changes for the nodes.
/// </summary>
internal sealed class SimulatedChain
{
    private readonly List<SubmittedTransaction> _transactions = [];
    private readonly List<(ulong Due, ContractSendSecretRegister Register)> _pendingRegistrations = [];
    private readonly Dictionary<Hash256, ulong> _registeredSecrets = [];
    private readonly Dictionary<UInt256, OnChainChannel> _channels = [];
    private ulong _lastChannelId;

    public SimulatedChain(ulong chainId, ulong firstBlock, Address token, Address tokenNetwork)
    {
        ChainId = chainId;
        BlockNumber = firstBlock;
        Token = token;
        TokenNetwork = tokenNetwork;
    }

    public ulong ChainId { get; }

    /// <summary>The latest block; every state change a node receives carries it as its <c>BlockContext</c>.</summary>
    public ulong BlockNumber { get; private set; }

    public Address Token { get; }

    public Address TokenNetwork { get; }

    /// <summary>
    /// Blocks between a node submitting registerSecret and the SecretRevealed event: 0 mines it in the
    /// block current at submission (the network delivers it as soon as the submitting transition is done).
    /// </summary>
    public ulong SecretRegistrationDelay { get; set; }

    /// <summary>Every transaction the nodes submitted, in order.</summary>
    public IReadOnlyList<SubmittedTransaction> Transactions => _transactions;

    /// <summary>The SecretRegistry: the block each secret hash was first registered in.</summary>
    public IReadOnlyDictionary<Hash256, ulong> RegisteredSecrets => _registeredSecrets;

    public IReadOnlyDictionary<UInt256, OnChainChannel> Channels => _channels;

    public void AdvanceOneBlock() => BlockNumber++;

    /// <summary>Opens a channel (the contract's counter: ids start at 1 and are never reused) with both deposits.</summary>
    public OnChainChannel OpenChannel(Address participant1, Address participant2, UInt256 deposit1, UInt256 deposit2, ulong settleTimeout)
    {
        var channel = new OnChainChannel(++_lastChannelId, participant1, participant2, settleTimeout, deposit1, deposit2, BlockNumber);
        _channels.Add(channel.ChannelId, channel);
        return channel;
    }

    public void Submit(Address sender, Event transaction)
    {
        _transactions.Add(new SubmittedTransaction(sender, transaction, BlockNumber));
        if (transaction is ContractSendSecretRegister register)
            _pendingRegistrations.Add((BlockNumber + SecretRegistrationDelay, register));
    }

    /// <summary>
    /// Mines the registrations due by the current block, in submission order. registerSecret of a secret
    /// already registered changes nothing and emits no event (as the SecretRegistry's returns false).
    /// </summary>
    public List<ContractReceiveSecretRevealed> MineDueRegistrations()
    {
        var revealed = new List<ContractReceiveSecretRevealed>();
        for (var i = 0; i < _pendingRegistrations.Count;)
        {
            var (due, register) = _pendingRegistrations[i];
            if (due > BlockNumber)
            {
                i++;
                continue;
            }
            _pendingRegistrations.RemoveAt(i);
            if (_registeredSecrets.TryAdd(register.SecretHash, BlockNumber))
                revealed.Add(new ContractReceiveSecretRevealed(register.SecretHash, register.Secret, BlockNumber));
        }
        return revealed;
    }

    public bool HasDueRegistrations => _pendingRegistrations.Exists(p => p.Due <= BlockNumber);
}
