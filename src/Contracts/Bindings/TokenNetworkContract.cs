using Photon.Ethereum;
using Photon.Ethereum.Abi;
using Photon.Ethereum.JsonRpc;
using Photon.Ethereum.Transactions;

namespace Photon.Contracts.Bindings;

/// <summary>
/// Typed binding of a TokenNetwork (<see cref="TokenNetworkAbi"/>, DESIGN.md §5). Every function has
/// a static <c>Encode…</c> for its call data (a durable sender stores it and submits later) and,
/// when it returns values, a static <c>Decode…</c> of its return data. Signatures are 65-byte
/// r‖s‖v <see cref="Signature"/>s. Reverts with one of the network's custom errors surface as
/// <see cref="ContractErrorException"/>. Transactions need the <see cref="TransactionSender"/> given
/// at construction; without one the binding only reads.
/// </summary>
public sealed class TokenNetworkContract
{
    public const string ContractName = "TokenNetwork";

    private static readonly AbiType[] DepositDataTypes = [AbiType.Address, AbiType.Address, AbiType.UInt256];

    private readonly BoundContract _contract;

    public TokenNetworkContract(EthClient eth, Address address, TransactionSender? sender = null)
    {
        _contract = new BoundContract(ContractName, TokenNetworkAbi.Abi, eth, address, sender);
    }

    public static ContractAbi Abi => TokenNetworkAbi.Abi;

    public Address Address => _contract.Address;

    public EthClient Eth => _contract.Eth;

    public TransactionSender? Sender => _contract.Sender;

    // ----- openChannel, openChannelWithDeposit -----

    public static byte[] EncodeOpenChannel(Address participant1, Address participant2, UInt256 settleTimeout) =>
        TokenNetworkAbi.OpenChannelFunction.EncodeCall(participant1, participant2, settleTimeout);

    /// <summary>The new channel's id.</summary>
    public static UInt256 DecodeOpenChannel(ReadOnlySpan<byte> returnData) =>
        TokenNetworkAbi.OpenChannelFunction.DecodeOutput(returnData).GetUInt256("channelId");

    /// <summary>Opens a channel; its id is in the receipt's <see cref="ChannelOpened"/> event.</summary>
    public Task<TransactionReceipt> OpenChannelAsync(Address participant1, Address participant2, UInt256 settleTimeout, CancellationToken ct = default) =>
        _contract.SendAsync(EncodeOpenChannel(participant1, participant2, settleTimeout), ct);

    public static byte[] EncodeOpenChannelWithDeposit(Address participant1, Address participant2, UInt256 settleTimeout, UInt256 participant1TotalDeposit) =>
        TokenNetworkAbi.OpenChannelWithDepositFunction.EncodeCall(participant1, participant2, settleTimeout, participant1TotalDeposit);

    public static UInt256 DecodeOpenChannelWithDeposit(ReadOnlySpan<byte> returnData) =>
        TokenNetworkAbi.OpenChannelWithDepositFunction.DecodeOutput(returnData).GetUInt256("channelId");

    /// <summary>Opens a channel and deposits for participant 1 (pulled from the sender with transferFrom).</summary>
    public Task<TransactionReceipt> OpenChannelWithDepositAsync(
        Address participant1, Address participant2, UInt256 settleTimeout, UInt256 participant1TotalDeposit, CancellationToken ct = default) =>
        _contract.SendAsync(EncodeOpenChannelWithDeposit(participant1, participant2, settleTimeout, participant1TotalDeposit), ct);

    // ----- setTotalDeposit, setTotalWithdraw -----

    public static byte[] EncodeSetTotalDeposit(UInt256 channelId, Address participant, UInt256 totalDeposit, Address partner) =>
        TokenNetworkAbi.SetTotalDepositFunction.EncodeCall(channelId, participant, totalDeposit, partner);

    /// <summary>Raises <paramref name="participant"/>'s total deposit to <paramref name="totalDeposit"/> (a total, not an increase).</summary>
    public Task<TransactionReceipt> SetTotalDepositAsync(
        UInt256 channelId, Address participant, UInt256 totalDeposit, Address partner, CancellationToken ct = default) =>
        _contract.SendAsync(EncodeSetTotalDeposit(channelId, participant, totalDeposit, partner), ct);

    public static byte[] EncodeSetTotalWithdraw(
        UInt256 channelId, Address participant, UInt256 totalWithdraw, UInt256 expirationBlock, Signature participantSignature, Signature partnerSignature) =>
        TokenNetworkAbi.SetTotalWithdrawFunction.EncodeCall(
            channelId, participant, totalWithdraw, expirationBlock, participantSignature.ToBytes(), partnerSignature.ToBytes());

    /// <summary>Raises <paramref name="participant"/>'s total withdrawal with both signatures over <c>Withdraw</c>, and pays out the difference.</summary>
    public Task<TransactionReceipt> SetTotalWithdrawAsync(
        UInt256 channelId,
        Address participant,
        UInt256 totalWithdraw,
        UInt256 expirationBlock,
        Signature participantSignature,
        Signature partnerSignature,
        CancellationToken ct = default) =>
        _contract.SendAsync(EncodeSetTotalWithdraw(channelId, participant, totalWithdraw, expirationBlock, participantSignature, partnerSignature), ct);

    // ----- cooperativeSettle -----

    public static byte[] EncodeCooperativeSettle(
        UInt256 channelId, Address participant1, UInt256 balance1, Address participant2, UInt256 balance2, Signature signature1, Signature signature2) =>
        TokenNetworkAbi.CooperativeSettleFunction.EncodeCall(
            channelId, participant1, balance1, participant2, balance2, signature1.ToBytes(), signature2.ToBytes());

    /// <summary>Settles an open channel at once with both participants' signatures over <c>CooperativeSettle</c>.</summary>
    public Task<TransactionReceipt> CooperativeSettleAsync(
        UInt256 channelId,
        Address participant1,
        UInt256 balance1,
        Address participant2,
        UInt256 balance2,
        Signature signature1,
        Signature signature2,
        CancellationToken ct = default) =>
        _contract.SendAsync(EncodeCooperativeSettle(channelId, participant1, balance1, participant2, balance2, signature1, signature2), ct);

    // ----- closeChannel, updateNonClosingBalanceProof, updateBalanceProofDelegate -----

    /// <summary>
    /// Call data of <c>closeChannel</c>. <paramref name="nonClosingSignature"/> null sends empty
    /// bytes: closing without any proof from the partner (balance hash, nonce and additional hash all zero).
    /// </summary>
    public static byte[] EncodeCloseChannel(
        UInt256 channelId, Address nonClosingParticipant, Hash256 balanceHash, UInt256 nonce, Hash256 additionalHash, Signature? nonClosingSignature) =>
        TokenNetworkAbi.CloseChannelFunction.EncodeCall(
            channelId, nonClosingParticipant, balanceHash, nonce, additionalHash, nonClosingSignature?.ToBytes() ?? []);

    /// <summary>Closes the channel with the partner's latest balance proof (null signature and zeros when none was received).</summary>
    public Task<TransactionReceipt> CloseChannelAsync(
        UInt256 channelId,
        Address nonClosingParticipant,
        Hash256 balanceHash,
        UInt256 nonce,
        Hash256 additionalHash,
        Signature? nonClosingSignature,
        CancellationToken ct = default) =>
        _contract.SendAsync(EncodeCloseChannel(channelId, nonClosingParticipant, balanceHash, nonce, additionalHash, nonClosingSignature), ct);

    public static byte[] EncodeUpdateNonClosingBalanceProof(
        UInt256 channelId, Address closingParticipant, Hash256 balanceHash, UInt256 nonce, Hash256 additionalHash, Signature closingSignature) =>
        TokenNetworkAbi.UpdateNonClosingBalanceProofFunction.EncodeCall(
            channelId, closingParticipant, balanceHash, nonce, additionalHash, closingSignature.ToBytes());

    /// <summary>The non-closing participant submits the closer's newer balance proof before the settle block.</summary>
    public Task<TransactionReceipt> UpdateNonClosingBalanceProofAsync(
        UInt256 channelId,
        Address closingParticipant,
        Hash256 balanceHash,
        UInt256 nonce,
        Hash256 additionalHash,
        Signature closingSignature,
        CancellationToken ct = default) =>
        _contract.SendAsync(EncodeUpdateNonClosingBalanceProof(channelId, closingParticipant, balanceHash, nonce, additionalHash, closingSignature), ct);

    public static byte[] EncodeUpdateBalanceProofDelegate(
        UInt256 channelId,
        Address closingParticipant,
        Address nonClosingParticipant,
        Hash256 balanceHash,
        UInt256 nonce,
        Hash256 additionalHash,
        Signature closingSignature,
        Signature nonClosingSignature,
        UInt256 reward) =>
        TokenNetworkAbi.UpdateBalanceProofDelegateFunction.EncodeCall(
            channelId, closingParticipant, nonClosingParticipant, balanceHash, nonce, additionalHash,
            closingSignature.ToBytes(), nonClosingSignature.ToBytes(), reward);

    /// <summary>A monitor submits the closer's newer balance proof with the non-closing participant's <c>MonitorDelegation</c>.</summary>
    public Task<TransactionReceipt> UpdateBalanceProofDelegateAsync(
        UInt256 channelId,
        Address closingParticipant,
        Address nonClosingParticipant,
        Hash256 balanceHash,
        UInt256 nonce,
        Hash256 additionalHash,
        Signature closingSignature,
        Signature nonClosingSignature,
        UInt256 reward,
        CancellationToken ct = default) =>
        _contract.SendAsync(
            EncodeUpdateBalanceProofDelegate(
                channelId, closingParticipant, nonClosingParticipant, balanceHash, nonce, additionalHash, closingSignature, nonClosingSignature, reward),
            ct);

    // ----- unlock, unlockDelegate, punishObsoleteUnlock -----

    /// <summary>Call data of <c>unlock</c>; <paramref name="merkleProof"/> is the concatenated sibling hashes.</summary>
    public static byte[] EncodeUnlock(
        UInt256 channelId, Address payer, UInt256 transferredAmount, UInt256 expiration, UInt256 amount, Hash256 secretHash, byte[] merkleProof)
    {
        ArgumentNullException.ThrowIfNull(merkleProof);
        return TokenNetworkAbi.UnlockFunction.EncodeCall(channelId, payer, transferredAmount, expiration, amount, secretHash, merkleProof);
    }

    /// <summary>Unlocks a lock of <paramref name="payer"/>'s stored locksroot whose secret was registered in time.</summary>
    public Task<TransactionReceipt> UnlockAsync(
        UInt256 channelId,
        Address payer,
        UInt256 transferredAmount,
        UInt256 expiration,
        UInt256 amount,
        Hash256 secretHash,
        byte[] merkleProof,
        CancellationToken ct = default) =>
        _contract.SendAsync(EncodeUnlock(channelId, payer, transferredAmount, expiration, amount, secretHash, merkleProof), ct);

    public static byte[] EncodeUnlockDelegate(
        UInt256 channelId,
        Address payer,
        Address payee,
        UInt256 transferredAmount,
        UInt256 expiration,
        UInt256 amount,
        Hash256 secretHash,
        byte[] merkleProof,
        Signature payeeSignature)
    {
        ArgumentNullException.ThrowIfNull(merkleProof);
        return TokenNetworkAbi.UnlockDelegateFunction.EncodeCall(
            channelId, payer, payee, transferredAmount, expiration, amount, secretHash, merkleProof, payeeSignature.ToBytes());
    }

    /// <summary>Unlocks for <paramref name="payee"/> with its <c>UnlockDelegation</c> signature (a monitor's call).</summary>
    public Task<TransactionReceipt> UnlockDelegateAsync(
        UInt256 channelId,
        Address payer,
        Address payee,
        UInt256 transferredAmount,
        UInt256 expiration,
        UInt256 amount,
        Hash256 secretHash,
        byte[] merkleProof,
        Signature payeeSignature,
        CancellationToken ct = default) =>
        _contract.SendAsync(
            EncodeUnlockDelegate(channelId, payer, payee, transferredAmount, expiration, amount, secretHash, merkleProof, payeeSignature), ct);

    public static byte[] EncodePunishObsoleteUnlock(
        UInt256 channelId, Address beneficiary, Address cheater, Hash256 lockHash, Hash256 additionalHash, Signature cheaterSignature) =>
        TokenNetworkAbi.PunishObsoleteUnlockFunction.EncodeCall(channelId, beneficiary, cheater, lockHash, additionalHash, cheaterSignature.ToBytes());

    /// <summary>Hands the cheater's whole share to the beneficiary: the cheater signed <c>Disposed</c> for a lock it later unlocked.</summary>
    public Task<TransactionReceipt> PunishObsoleteUnlockAsync(
        UInt256 channelId,
        Address beneficiary,
        Address cheater,
        Hash256 lockHash,
        Hash256 additionalHash,
        Signature cheaterSignature,
        CancellationToken ct = default) =>
        _contract.SendAsync(EncodePunishObsoleteUnlock(channelId, beneficiary, cheater, lockHash, additionalHash, cheaterSignature), ct);

    // ----- settleChannel -----

    public static byte[] EncodeSettleChannel(
        UInt256 channelId,
        Address participant1,
        UInt256 transferredAmount1,
        Hash256 locksroot1,
        Address participant2,
        UInt256 transferredAmount2,
        Hash256 locksroot2) =>
        TokenNetworkAbi.SettleChannelFunction.EncodeCall(
            channelId, participant1, transferredAmount1, locksroot1, participant2, transferredAmount2, locksroot2);

    /// <summary>Settles a closed channel after its settle block and punish window, with the values behind both stored balance hashes.</summary>
    public Task<TransactionReceipt> SettleChannelAsync(
        UInt256 channelId,
        Address participant1,
        UInt256 transferredAmount1,
        Hash256 locksroot1,
        Address participant2,
        UInt256 transferredAmount2,
        Hash256 locksroot2,
        CancellationToken ct = default) =>
        _contract.SendAsync(
            EncodeSettleChannel(channelId, participant1, transferredAmount1, locksroot1, participant2, transferredAmount2, locksroot2), ct);

    // ----- tokenFallback, receiveApproval (called by the token) -----

    /// <summary>
    /// The <c>data</c> of <c>tokenFallback</c> and <c>receiveApproval</c>:
    /// <c>abi.encode(participant, partner, settleTimeout)</c> (open the channel if needed, then deposit).
    /// </summary>
    public static byte[] EncodeDepositData(Address participant, Address partner, UInt256 settleTimeout) =>
        AbiCodec.Encode(DepositDataTypes, [participant, partner, settleTimeout]);

    public static byte[] EncodeTokenFallback(Address from, UInt256 value, byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return TokenNetworkAbi.TokenFallbackFunction.EncodeCall(from, value, data);
    }

    public static bool DecodeTokenFallback(ReadOnlySpan<byte> returnData) => TokenNetworkAbi.TokenFallbackFunction.DecodeOutput(returnData).GetBool(0);

    /// <summary>The ERC223 hook; only the token may call it (anyone else gets <c>NotTheToken</c>).</summary>
    public Task<TransactionReceipt> TokenFallbackAsync(Address from, UInt256 value, byte[] data, CancellationToken ct = default) =>
        _contract.SendAsync(EncodeTokenFallback(from, value, data), ct);

    public static byte[] EncodeReceiveApproval(Address from, UInt256 value, Address token, byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return TokenNetworkAbi.ReceiveApprovalFunction.EncodeCall(from, value, token, data);
    }

    public static bool DecodeReceiveApproval(ReadOnlySpan<byte> returnData) => TokenNetworkAbi.ReceiveApprovalFunction.DecodeOutput(returnData).GetBool(0);

    /// <summary>The ApproveAndCall hook; only the token may call it (anyone else gets <c>NotTheToken</c>).</summary>
    public Task<TransactionReceipt> ReceiveApprovalAsync(Address from, UInt256 value, Address token, byte[] data, CancellationToken ct = default) =>
        _contract.SendAsync(EncodeReceiveApproval(from, value, token, data), ct);

    // ----- claimPayout -----

    public static byte[] EncodeClaimPayout(Address recipient) => TokenNetworkAbi.ClaimPayoutFunction.EncodeCall(recipient);

    /// <summary>Sends <paramref name="recipient"/> its deferred payout (anyone may call; the tokens go to the recipient).</summary>
    public Task<TransactionReceipt> ClaimPayoutAsync(Address recipient, CancellationToken ct = default) =>
        _contract.SendAsync(EncodeClaimPayout(recipient), ct);

    // ----- claimPayoutTo -----

    public static byte[] EncodeClaimPayoutTo(Address to) => TokenNetworkAbi.ClaimPayoutToFunction.EncodeCall(to);

    /// <summary>Sends the sender's own deferred payout to <paramref name="to"/> (for a recipient that cannot receive the token itself).</summary>
    public Task<TransactionReceipt> ClaimPayoutToAsync(Address to, CancellationToken ct = default) =>
        _contract.SendAsync(EncodeClaimPayoutTo(to), ct);

    // ----- channel views -----

    public static byte[] EncodeGetChannelIdentifier(Address participant1, Address participant2) =>
        TokenNetworkAbi.GetChannelIdentifierFunction.EncodeCall(participant1, participant2);

    public static UInt256 DecodeGetChannelIdentifier(ReadOnlySpan<byte> returnData) =>
        TokenNetworkAbi.GetChannelIdentifierFunction.DecodeOutput(returnData).GetUInt256(0);

    /// <summary>The id of the open (or closed, unsettled) channel of the pair in either order, or 0 when none.</summary>
    public Task<UInt256> GetChannelIdentifierAsync(Address participant1, Address participant2, BlockParameter block = default, CancellationToken ct = default) =>
        _contract.CallAsync(
            TokenNetworkAbi.GetChannelIdentifierFunction,
            EncodeGetChannelIdentifier(participant1, participant2),
            d => DecodeGetChannelIdentifier(d),
            block,
            ct);

    public static byte[] EncodeGetChannelInfo(UInt256 channelId) => TokenNetworkAbi.GetChannelInfoFunction.EncodeCall(channelId);

    /// <summary>Decodes <c>getChannelInfo</c>; a state other than 0–3 is an <see cref="AbiException"/>.</summary>
    public static ChannelInfo DecodeGetChannelInfo(ReadOnlySpan<byte> returnData)
    {
        var values = TokenNetworkAbi.GetChannelInfoFunction.DecodeOutput(returnData);
        var state = values.GetInt32("state");
        if (state is < (int)ChannelState.None or > (int)ChannelState.Settled)
            throw new AbiException($"getChannelInfo returned state {state}, which is none of None (0), Opened (1), Closed (2), Settled (3)");
        return new ChannelInfo(
            (ChannelState)state,
            values.GetUInt256("settleTimeout"),
            values.GetUInt256("settleBlockNumber"),
            values.GetAddress("participant1"),
            values.GetAddress("participant2"));
    }

    public Task<ChannelInfo> GetChannelInfoAsync(UInt256 channelId, BlockParameter block = default, CancellationToken ct = default) =>
        _contract.CallAsync(TokenNetworkAbi.GetChannelInfoFunction, EncodeGetChannelInfo(channelId), d => DecodeGetChannelInfo(d), block, ct);

    public static byte[] EncodeGetParticipantInfo(UInt256 channelId, Address participant) =>
        TokenNetworkAbi.GetParticipantInfoFunction.EncodeCall(channelId, participant);

    public static ParticipantInfo DecodeGetParticipantInfo(ReadOnlySpan<byte> returnData)
    {
        var values = TokenNetworkAbi.GetParticipantInfoFunction.DecodeOutput(returnData);
        return new ParticipantInfo(
            values.GetUInt256("deposit"),
            values.GetUInt256("withdrawn"),
            values.GetHash256("balanceHash"),
            values.GetUInt256("nonce"),
            values.GetBool("isCloser"));
    }

    public Task<ParticipantInfo> GetParticipantInfoAsync(UInt256 channelId, Address participant, BlockParameter block = default, CancellationToken ct = default) =>
        _contract.CallAsync(
            TokenNetworkAbi.GetParticipantInfoFunction,
            EncodeGetParticipantInfo(channelId, participant),
            d => DecodeGetParticipantInfo(d),
            block,
            ct);

    public static byte[] EncodeIsLockUnlocked(UInt256 channelId, Address payee, Hash256 lockHash) =>
        TokenNetworkAbi.IsLockUnlockedFunction.EncodeCall(channelId, payee, lockHash);

    public static bool DecodeIsLockUnlocked(ReadOnlySpan<byte> returnData) => TokenNetworkAbi.IsLockUnlockedFunction.DecodeOutput(returnData).GetBool(0);

    public Task<bool> IsLockUnlockedAsync(UInt256 channelId, Address payee, Hash256 lockHash, BlockParameter block = default, CancellationToken ct = default) =>
        _contract.CallAsync(
            TokenNetworkAbi.IsLockUnlockedFunction,
            EncodeIsLockUnlocked(channelId, payee, lockHash),
            d => DecodeIsLockUnlocked(d),
            block,
            ct);

    public static byte[] EncodeDeferredPayout(Address recipient) => TokenNetworkAbi.DeferredPayoutFunction.EncodeCall(recipient);

    public static UInt256 DecodeDeferredPayout(ReadOnlySpan<byte> returnData) => TokenNetworkAbi.DeferredPayoutFunction.DecodeOutput(returnData).GetUInt256(0);

    /// <summary>What the token refused to pay <paramref name="recipient"/> and is kept for it to claim.</summary>
    public Task<UInt256> DeferredPayoutAsync(Address recipient, BlockParameter block = default, CancellationToken ct = default) =>
        _contract.CallAsync(TokenNetworkAbi.DeferredPayoutFunction, EncodeDeferredPayout(recipient), d => DecodeDeferredPayout(d), block, ct);

    // ----- configuration views -----

    public static byte[] EncodeToken() => TokenNetworkAbi.TokenFunction.EncodeCall();

    public static Address DecodeToken(ReadOnlySpan<byte> returnData) => TokenNetworkAbi.TokenFunction.DecodeOutput(returnData).GetAddress(0);

    public Task<Address> TokenAsync(BlockParameter block = default, CancellationToken ct = default) =>
        _contract.CallAsync(TokenNetworkAbi.TokenFunction, EncodeToken(), d => DecodeToken(d), block, ct);

    public static byte[] EncodeSecretRegistry() => TokenNetworkAbi.SecretRegistryFunction.EncodeCall();

    public static Address DecodeSecretRegistry(ReadOnlySpan<byte> returnData) => TokenNetworkAbi.SecretRegistryFunction.DecodeOutput(returnData).GetAddress(0);

    public Task<Address> SecretRegistryAsync(BlockParameter block = default, CancellationToken ct = default) =>
        _contract.CallAsync(TokenNetworkAbi.SecretRegistryFunction, EncodeSecretRegistry(), d => DecodeSecretRegistry(d), block, ct);

    public static byte[] EncodeChainId() => TokenNetworkAbi.ChainIdFunction.EncodeCall();

    public static UInt256 DecodeChainId(ReadOnlySpan<byte> returnData) => TokenNetworkAbi.ChainIdFunction.DecodeOutput(returnData).GetUInt256(0);

    public Task<UInt256> ChainIdAsync(BlockParameter block = default, CancellationToken ct = default) =>
        _contract.CallAsync(TokenNetworkAbi.ChainIdFunction, EncodeChainId(), d => DecodeChainId(d), block, ct);

    public static byte[] EncodeSettleTimeoutMin() => TokenNetworkAbi.SettleTimeoutMinFunction.EncodeCall();

    public static UInt256 DecodeSettleTimeoutMin(ReadOnlySpan<byte> returnData) => TokenNetworkAbi.SettleTimeoutMinFunction.DecodeOutput(returnData).GetUInt256(0);

    public Task<UInt256> SettleTimeoutMinAsync(BlockParameter block = default, CancellationToken ct = default) =>
        _contract.CallAsync(TokenNetworkAbi.SettleTimeoutMinFunction, EncodeSettleTimeoutMin(), d => DecodeSettleTimeoutMin(d), block, ct);

    public static byte[] EncodeSettleTimeoutMax() => TokenNetworkAbi.SettleTimeoutMaxFunction.EncodeCall();

    public static UInt256 DecodeSettleTimeoutMax(ReadOnlySpan<byte> returnData) => TokenNetworkAbi.SettleTimeoutMaxFunction.DecodeOutput(returnData).GetUInt256(0);

    public Task<UInt256> SettleTimeoutMaxAsync(BlockParameter block = default, CancellationToken ct = default) =>
        _contract.CallAsync(TokenNetworkAbi.SettleTimeoutMaxFunction, EncodeSettleTimeoutMax(), d => DecodeSettleTimeoutMax(d), block, ct);

    public static byte[] EncodePunishWindow() => TokenNetworkAbi.PunishWindowFunction.EncodeCall();

    public static UInt256 DecodePunishWindow(ReadOnlySpan<byte> returnData) => TokenNetworkAbi.PunishWindowFunction.DecodeOutput(returnData).GetUInt256(0);

    public Task<UInt256> PunishWindowAsync(BlockParameter block = default, CancellationToken ct = default) =>
        _contract.CallAsync(TokenNetworkAbi.PunishWindowFunction, EncodePunishWindow(), d => DecodePunishWindow(d), block, ct);

    public static byte[] EncodeChannelCounter() => TokenNetworkAbi.ChannelCounterFunction.EncodeCall();

    public static UInt256 DecodeChannelCounter(ReadOnlySpan<byte> returnData) => TokenNetworkAbi.ChannelCounterFunction.DecodeOutput(returnData).GetUInt256(0);

    /// <summary>The highest channel id handed out so far (ids start at 1 and are never reused).</summary>
    public Task<UInt256> ChannelCounterAsync(BlockParameter block = default, CancellationToken ct = default) =>
        _contract.CallAsync(TokenNetworkAbi.ChannelCounterFunction, EncodeChannelCounter(), d => DecodeChannelCounter(d), block, ct);

    public static byte[] EncodeDomainSeparator() => TokenNetworkAbi.DomainSeparatorFunction.EncodeCall();

    public static Hash256 DecodeDomainSeparator(ReadOnlySpan<byte> returnData) => TokenNetworkAbi.DomainSeparatorFunction.DecodeOutput(returnData).GetHash256(0);

    /// <summary>The EIP-712 domain separator of this network's proofs.</summary>
    public Task<Hash256> DomainSeparatorAsync(BlockParameter block = default, CancellationToken ct = default) =>
        _contract.CallAsync(TokenNetworkAbi.DomainSeparatorFunction, EncodeDomainSeparator(), d => DecodeDomainSeparator(d), block, ct);

    // ----- events -----

    /// <summary>The event of a log by its topic 0; null for a log of no TokenNetwork event (or one that does not decode as it).</summary>
    public static TokenNetworkEvent? TryDecode(Log log) =>
        BoundContract.TryDecodeLog<TokenNetworkEvent>(TokenNetworkAbi.Abi, log, Create);

    /// <summary>The events this network emitted in a transaction, in log order.</summary>
    public IReadOnlyList<TokenNetworkEvent> EventsOf(TransactionReceipt receipt) => EventsOf(receipt, Address);

    /// <summary>The events the TokenNetwork at <paramref name="tokenNetwork"/> emitted in a transaction, in log order.</summary>
    public static IReadOnlyList<TokenNetworkEvent> EventsOf(TransactionReceipt receipt, Address tokenNetwork) =>
        BoundContract.EventsOf(receipt, tokenNetwork, TryDecode);

    /// <summary>This network's events in a block range.</summary>
    public Task<IReadOnlyList<TokenNetworkEvent>> GetEventsAsync(BlockParameter fromBlock, BlockParameter toBlock, CancellationToken ct = default) =>
        _contract.GetEventsAsync(fromBlock, toBlock, TryDecode, ct);

    // ----- errors -----

    /// <summary>One of the network's custom errors decoded from revert data; null for any other data (Error(string) and panics included).</summary>
    public static AbiDecodedError? TryDecodeError(ReadOnlySpan<byte> revertData) => BoundContract.TryDecodeError(TokenNetworkAbi.Abi, revertData);

    private static TokenNetworkEvent Create(AbiEvent e, AbiValues v) => e.Name switch
    {
        nameof(ChannelOpened) => new ChannelOpened(
            v.GetUInt256("channelId"), v.GetAddress("participant1"), v.GetAddress("participant2"), v.GetUInt256("settleTimeout")),
        nameof(ChannelNewDeposit) => new ChannelNewDeposit(v.GetUInt256("channelId"), v.GetAddress("participant"), v.GetUInt256("totalDeposit")),
        nameof(ChannelWithdraw) => new ChannelWithdraw(v.GetUInt256("channelId"), v.GetAddress("participant"), v.GetUInt256("totalWithdraw")),
        nameof(ChannelClosed) => new ChannelClosed(
            v.GetUInt256("channelId"), v.GetAddress("closingParticipant"), v.GetUInt256("nonce"), v.GetHash256("balanceHash")),
        nameof(NonClosingBalanceProofUpdated) => new NonClosingBalanceProofUpdated(
            v.GetUInt256("channelId"), v.GetAddress("closingParticipant"), v.GetUInt256("nonce"), v.GetHash256("balanceHash")),
        nameof(ChannelUnlocked) => new ChannelUnlocked(
            v.GetUInt256("channelId"), v.GetAddress("payee"), v.GetHash256("lockHash"), v.GetUInt256("transferredAmount")),
        nameof(ChannelPunished) => new ChannelPunished(v.GetUInt256("channelId"), v.GetAddress("beneficiary"), v.GetAddress("cheater")),
        nameof(ChannelSettled) => new ChannelSettled(
            v.GetUInt256("channelId"), v.GetUInt256("participant1Amount"), v.GetUInt256("participant2Amount")),
        nameof(ChannelCooperativeSettled) => new ChannelCooperativeSettled(
            v.GetUInt256("channelId"), v.GetUInt256("participant1Amount"), v.GetUInt256("participant2Amount")),
        nameof(PayoutDeferred) => new PayoutDeferred(v.GetAddress("recipient"), v.GetUInt256("amount")),
        nameof(PayoutClaimed) => new PayoutClaimed(v.GetAddress("recipient"), v.GetUInt256("amount")),
        nameof(MonitorRewarded) => new MonitorRewarded(v.GetUInt256("channelId"), v.GetAddress("monitor"), v.GetUInt256("amount")),
        _ => throw new InvalidOperationException($"{ContractName} event {e.Signature} has no typed record"),
    };
}
