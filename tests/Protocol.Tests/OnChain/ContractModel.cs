using Photon.Contracts.Locks;
using Photon.Contracts.Proofs;
using Photon.Ethereum;
using Photon.Ethereum.Eip712;
using Photon.Protocol.Events;
using Photon.Protocol.StateChanges;
using static Photon.Protocol.Tests.Channels.ChannelFixtures;

namespace Photon.Protocol.Tests.OnChain;

/// <summary>
/// One channel of TokenNetwork.sol after opening, as a model: the checks and storage effects of close,
/// update, unlock, punish and settle, and the secret registry. The transactions the node asks for are
/// executed here, so a test fails when the node asks for one the contract would revert; each call returns
/// the chain event the node then sees.
/// </summary>
internal sealed class ContractModel(Address participant1, Address participant2, ulong settleTimeout, ulong punishWindow)
{
    private readonly Address[] _participants = [participant1, participant2];
    private readonly ulong[] _nonces = new ulong[2];
    private readonly Hash256[] _balanceHashes = new Hash256[2];
    private readonly UInt256[] _deposits = new UInt256[2];
    private readonly Dictionary<(Address Payee, Hash256 LockHash), ulong> _unlockedAtNonce = [];
    private readonly Dictionary<Hash256, ulong> _secrets = [];
    private readonly Eip712Domain _domain = PhotonDomain.Create(ChainId, TokenNetwork);
    private int _closer = -1;
    private int _punished = -1;
    private bool _settled;

    public ulong SettleBlock { get; private set; }

    public Hash256 BalanceHashOf(Address participant) => _balanceHashes[IndexOf(participant)];

    public void Deposit(Address participant, UInt256 total) => _deposits[IndexOf(participant)] = total;

    public ContractReceiveChannelClosed Close(Address sender, ContractSendChannelClose tx, ulong block)
    {
        Require(_closer < 0 && !_settled, "ChannelNotOpened");
        RequireChannel(tx.TokenNetwork, tx.ChannelId);
        var nonCloser = Other(IndexOf(sender));
        Require(_participants[nonCloser] == tx.Partner, "NotParticipant");
        if (tx.Nonce == 0)
        {
            Require(tx.BalanceHash.IsZero, "EmptyProofWithValues");
        }
        else
        {
            Require(tx.PartnerSignature is { } signature && new BalanceProof(tx.ChannelId, tx.BalanceHash, tx.Nonce, tx.AdditionalHash).IsSignedBy(_domain, signature, tx.Partner), "WrongSigner");
            Store(nonCloser, tx.BalanceHash, tx.Nonce);
        }
        _closer = IndexOf(sender);
        SettleBlock = block + settleTimeout;
        return new ContractReceiveChannelClosed(TokenNetwork, ChannelId, sender, tx.Nonce, tx.BalanceHash, block);
    }

    /// <summary>The close the partner makes itself with a proof of ours it holds (nonce and balance hash as signed by us).</summary>
    public ContractReceiveChannelClosed CloseWith(Address sender, ulong nonce, Hash256 balanceHash, ulong block)
    {
        Require(_closer < 0 && !_settled, "ChannelNotOpened");
        if (nonce != 0)
            Store(Other(IndexOf(sender)), balanceHash, nonce);
        _closer = IndexOf(sender);
        SettleBlock = block + settleTimeout;
        return new ContractReceiveChannelClosed(TokenNetwork, ChannelId, sender, nonce, balanceHash, block);
    }

    public ContractReceiveNonClosingBalanceProofUpdated Update(Address sender, ContractSendChannelUpdate tx, ulong block)
    {
        RequireBeforeSettleBlock(block);
        RequireChannel(tx.TokenNetwork, tx.ChannelId);
        Require(_participants[_closer] == tx.ClosingParticipant && IndexOf(sender) == Other(_closer), "CallerIsNotNonClosing");
        Require(new BalanceProof(tx.ChannelId, tx.BalanceHash, tx.Nonce, tx.AdditionalHash).IsSignedBy(_domain, tx.ClosingSignature, tx.ClosingParticipant), "WrongSigner");
        Store(_closer, tx.BalanceHash, tx.Nonce);
        return new ContractReceiveNonClosingBalanceProofUpdated(TokenNetwork, ChannelId, tx.ClosingParticipant, tx.Nonce, tx.BalanceHash, block);
    }

    public ContractReceiveSecretRevealed RegisterSecret(Hash256 secret, ulong block)
    {
        var secretHash = SecretHash.Of(secret);
        _secrets.TryAdd(secretHash, block);
        return new ContractReceiveSecretRevealed(secretHash, secret, _secrets[secretHash]);
    }

    public ContractReceiveChannelUnlocked Unlock(Address payee, ContractSendChannelUnlock tx, ulong block)
    {
        RequireChannel(tx.TokenNetwork, tx.ChannelId);
        var hashTimeLock = tx.Lock;
        Require(_secrets.TryGetValue(hashTimeLock.SecretHash, out var revealed), "SecretNotRegistered");
        Require(revealed <= hashTimeLock.Expiration, "SecretRevealedTooLate");
        RequireBeforeSettleBlock(block);
        var payer = IndexOf(tx.Payer);
        Require(Other(payer) == IndexOf(payee), "NotParticipant");
        var lockHash = hashTimeLock.LockHash;
        var locksroot = LocksMerkleTree.ComputeRoot(lockHash, tx.MerkleProof);
        Require(BalanceHash.Compute(tx.TransferredAmount, locksroot) == _balanceHashes[payer], "BalanceHashMismatch");
        var key = (payee, lockHash);
        Require(!_unlockedAtNonce.TryGetValue(key, out var at) || at != _nonces[payer], "LockAlreadyUnlocked");
        _unlockedAtNonce[key] = _nonces[payer];
        var transferred = tx.TransferredAmount + hashTimeLock.Amount;
        _balanceHashes[payer] = BalanceHash.Compute(transferred, locksroot);
        return new ContractReceiveChannelUnlocked(TokenNetwork, ChannelId, payee, lockHash, transferred, block);
    }

    /// <summary>The partner's own unlock of one of our locks (it knows the values of our proof it holds).</summary>
    public ContractReceiveChannelUnlocked UnlockBy(Address payee, Address payer, UInt256 transferred, HashTimeLock hashTimeLock, LocksMerkleTree tree, ulong block) =>
        Unlock(payee, new ContractSendChannelUnlock(TokenNetwork, ChannelId, payer, transferred, hashTimeLock, tree.ProofFor(hashTimeLock.LockHash)), block);

    public ContractReceiveChannelPunished Punish(ContractSendPunishObsoleteUnlock tx, ulong block)
    {
        RequireChannel(tx.TokenNetwork, tx.ChannelId);
        Require(_closer >= 0 && !_settled, "ChannelNotClosed");
        Require(block <= SettleBlock + punishWindow, "PunishWindowOver");
        var cheater = IndexOf(tx.Cheater);
        Require(Other(cheater) == IndexOf(tx.Beneficiary), "NotParticipant");
        Require(_punished < 0, "AlreadyPunished");
        Require(_unlockedAtNonce.TryGetValue((tx.Cheater, tx.LockHash), out var at) && at != 0, "LockNotUnlocked");
        Require(new DisposedProof(tx.ChannelId, tx.LockHash, tx.AdditionalHash).IsSignedBy(_domain, tx.CheaterSignature, tx.Cheater), "WrongSigner");
        _punished = cheater;
        return new ContractReceiveChannelPunished(TokenNetwork, ChannelId, tx.Beneficiary, tx.Cheater, block);
    }

    public ContractReceiveChannelSettled Settle(ContractSendChannelSettle tx, ulong block)
    {
        RequireChannel(tx.TokenNetwork, tx.ChannelId);
        Require(_closer >= 0 && !_settled, "ChannelNotClosed");
        Require(block >= SettleBlock + punishWindow + 1, "SettleTooEarly");
        var first = IndexOf(tx.Participant1);
        Require(Other(first) == IndexOf(tx.Participant2), "NotParticipant");
        var (transferred1, locksroot1, transferred2, locksroot2) = first == 0
            ? (tx.TransferredAmount1, tx.Locksroot1, tx.TransferredAmount2, tx.Locksroot2)
            : (tx.TransferredAmount2, tx.Locksroot2, tx.TransferredAmount1, tx.Locksroot1);
        Require(BalanceHash.Compute(transferred1, locksroot1) == _balanceHashes[0], "BalanceHashMismatch(participant1)");
        Require(BalanceHash.Compute(transferred2, locksroot2) == _balanceHashes[1], "BalanceHashMismatch(participant2)");
        var total = _deposits[0] + _deposits[1];
        // deposit1 + transferred2 − transferred1, clamped to [0, total] (no withdrawals in these tests).
        var credit = _deposits[0] + transferred2;
        var amount1 = credit <= transferred1 ? UInt256.Zero : UInt256.Min(credit - transferred1, total);
        var amount2 = total - amount1;
        if (_punished == 0)
            (amount1, amount2) = (UInt256.Zero, total);
        else if (_punished == 1)
            (amount1, amount2) = (total, UInt256.Zero);
        _settled = true;
        return new ContractReceiveChannelSettled(TokenNetwork, ChannelId, amount1, amount2, block);
    }

    private void Store(int index, Hash256 balanceHash, ulong nonce)
    {
        Require(nonce > _nonces[index], "NonceNotIncreasing");
        _nonces[index] = nonce;
        _balanceHashes[index] = balanceHash;
    }

    private void RequireBeforeSettleBlock(ulong block)
    {
        Require(_closer >= 0 && !_settled, "ChannelNotClosed");
        Require(block <= SettleBlock, "UpdateWindowOver");
    }

    private static void RequireChannel(Address tokenNetwork, UInt256 channelId) =>
        Require(tokenNetwork == TokenNetwork && channelId == ChannelId, "unknown channel");

    private int IndexOf(Address participant) =>
        participant == _participants[0] ? 0 : participant == _participants[1] ? 1 : throw new ContractRevertException("NotParticipant");

    private static int Other(int index) => 1 - index;

    private static void Require(bool condition, string error)
    {
        if (!condition)
            throw new ContractRevertException(error);
    }
}
