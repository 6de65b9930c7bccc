// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {ITokenNetwork} from "./interfaces/ITokenNetwork.sol";
import {ISecretRegistry} from "./interfaces/ISecretRegistry.sol";
import {LocksRoot} from "./lib/LocksRoot.sol";
import {ProofHashes} from "./lib/ProofHashes.sol";
import {Signatures} from "./lib/Signatures.sol";
import {TokenTransfers} from "./lib/TokenTransfers.sol";

/// @notice The payment channels of one token (DESIGN.md §5). Created only by the
/// TokenNetworkRegistry, which validates the configuration passed to the constructor.
///
/// Storage is packed for the common path: a channel is two slots plus three per participant,
/// and closing or updating writes one fresh slot (the balance hash) because nonces live beside
/// participant2 in the channel's second slot. The packing bounds, all far beyond real use, are:
/// a participant's deposit below 2^127 token units (so a channel holds less than 2^128), nonces
/// below 2^48 (like Lightning's 48-bit commitment numbers), monitor rewards below 2^96, settle
/// timeouts below 2^32.
///
/// Invariants kept by every function:
/// - the token balance of this contract ≥ Σ over live channels (deposits − withdrawals) + Σ
///   deferred payouts, with equality unless someone sent tokens here outside any channel;
/// - state is updated before any token call (checks-effects-interactions), and a transient-storage
///   lock refuses re-entry from a hostile token;
/// - a payout the token refuses is kept for the recipient (claimPayout), so no participant can
///   block the settlement of the other.
contract TokenNetwork is ITokenNetwork {
    // Channel.state: bits 0-1 the lifecycle, bit 2 who closed, bits 3-4 who was punished,
    // bits 5-6 whose monitor record is set (so settlement reads those slots only when needed).
    uint8 private constant LIFECYCLE = 0x03;
    uint8 private constant OPENED = 0x01;
    uint8 private constant CLOSED = 0x02;
    uint8 private constant CLOSER_IS_PARTICIPANT2 = 0x04;
    uint8 private constant PUNISHED_PARTICIPANT1 = 0x08;
    uint8 private constant PUNISHED_PARTICIPANT2 = 0x10;
    uint8 private constant PUNISHED = PUNISHED_PARTICIPANT1 | PUNISHED_PARTICIPANT2;
    uint8 private constant MONITOR_PARTICIPANT1 = 0x20;
    uint8 private constant MONITOR_PARTICIPANT2 = 0x40;

    uint256 private constant MAX_DEPOSIT = type(uint128).max >> 1;

    /// Gas a token may use for one settlement payout: ample for any ERC20 transfer and an
    /// ERC223 receiver's bookkeeping; a receiver that needs more is paid through claimPayout.
    uint256 private constant PAYOUT_GAS = 300_000;
    /// Gas to record a refused payout (a fresh storage slot and an event) after the token call.
    uint256 private constant DEFERRAL_GAS = 40_000;

    // getChannelInfo's public numbering.
    uint8 private constant INFO_NONE = 0;
    uint8 private constant INFO_OPENED = 1;
    uint8 private constant INFO_CLOSED = 2;
    uint8 private constant INFO_SETTLED = 3;

    struct Participant {
        uint128 deposit;
        uint128 withdrawn;
        bytes32 balanceHash;
        /// The delegate whose update was the latest, and what the delegator promised it.
        address monitor;
        uint96 reward;
    }

    struct Channel {
        address participant1;
        uint8 state;
        uint32 settleTimeout;
        uint56 settleBlockNumber;
        address participant2;
        uint48 nonce1;
        uint48 nonce2;
        Participant[2] participants;
    }

    address public immutable token;
    address public immutable secretRegistry;
    uint256 public immutable chainId;
    uint256 public immutable settleTimeoutMin;
    uint256 public immutable settleTimeoutMax;
    uint256 public immutable punishWindow;
    bytes32 public immutable domainSeparator;

    uint256 public channelCounter;

    mapping(uint256 => Channel) private _channels;
    /// keccak256(lower address ‖ higher address) => id of the pair's live channel, 0 when none.
    mapping(bytes32 => uint256) private _channelOfPair;
    /// keccak256(channelId, payee, lockHash) => the payer's nonce when the lock was unlocked on
    /// chain, 0 when never. Keyed by nonce so that after a newer proof replaces the one the
    /// unlock was credited to, the lock can be unlocked again against the new proof, but never
    /// twice against the same one. Kept after settlement: channel ids never repeat.
    mapping(bytes32 => uint256) private _unlockedAtNonce;
    mapping(address => uint256) private _deferred;

    /// A whole transient word: a packed flag would be read before every write.
    uint256 private transient _entered;

    modifier nonReentrant() {
        if (_entered != 0) revert Reentrancy();
        _entered = 1;
        _;
        _entered = 0;
    }

    constructor(
        address token_,
        address secretRegistry_,
        uint256 chainId_,
        uint256 settleTimeoutMin_,
        uint256 settleTimeoutMax_,
        uint256 punishWindow_
    ) {
        token = token_;
        secretRegistry = secretRegistry_;
        chainId = chainId_;
        settleTimeoutMin = settleTimeoutMin_;
        settleTimeoutMax = settleTimeoutMax_;
        punishWindow = punishWindow_;
        domainSeparator = ProofHashes.domainSeparator(chainId_, address(this));
    }

    // ------------------------------------------------------------------ open and deposit

    function openChannel(address participant1, address participant2, uint256 settleTimeout)
        external
        nonReentrant
        returns (uint256 channelId)
    {
        return _open(participant1, participant2, settleTimeout);
    }

    function openChannelWithDeposit(
        address participant1,
        address participant2,
        uint256 settleTimeout,
        uint256 participant1TotalDeposit
    ) external nonReentrant returns (uint256 channelId) {
        channelId = _open(participant1, participant2, settleTimeout);
        _deposit(channelId, _channels[channelId], 0, participant1, participant1TotalDeposit);
        _pull(msg.sender, participant1TotalDeposit);
    }

    function setTotalDeposit(uint256 channelId, address participant, uint256 totalDeposit, address partner)
        external
        nonReentrant
    {
        Channel storage channel = _opened(channelId);
        (uint256 index,) = _indices(channel, channelId, participant, partner);
        uint256 added = _deposit(channelId, channel, index, participant, totalDeposit);
        _pull(msg.sender, added);
    }

    /// @notice ERC223 deposit: the token has already credited `value` to this contract.
    function tokenFallback(address, uint256 value, bytes calldata data) external nonReentrant returns (bool) {
        if (msg.sender != token) revert NotTheToken(msg.sender);
        _openIfNeededAndDeposit(value, data);
        return true;
    }

    /// @notice ApproveAndCall deposit: `from` approved `value` and the token calls us at once.
    function receiveApproval(address from, uint256 value, address token_, bytes calldata data)
        external
        nonReentrant
        returns (bool)
    {
        if (msg.sender != token || token_ != token) revert NotTheToken(msg.sender);
        _openIfNeededAndDeposit(value, data);
        _pull(from, value);
        return true;
    }

    // ------------------------------------------------------------------ withdraw

    function setTotalWithdraw(
        uint256 channelId,
        address participant,
        uint256 totalWithdraw,
        uint256 expirationBlock,
        bytes calldata participantSignature,
        bytes calldata partnerSignature
    ) external nonReentrant {
        Channel storage channel = _opened(channelId);
        if (block.number > expirationBlock) revert WithdrawExpired(expirationBlock, block.number);
        uint256 index = _indexOf(channel, channelId, participant);
        Participant storage own = channel.participants[index];
        Participant storage other = channel.participants[1 - index];
        uint256 current = own.withdrawn;
        if (totalWithdraw <= current) revert TotalWithdrawNotIncreasing(current, totalWithdraw);
        // What the channel holds once the partner's withdrawals are out; the split between the
        // two is settled off-chain, so the contract only keeps the channel solvent.
        uint256 available = uint256(own.deposit) + other.deposit - other.withdrawn;
        if (totalWithdraw > available) revert WithdrawExceedsChannel(totalWithdraw, available);

        bytes32 digest = _digest(ProofHashes.withdraw(channelId, participant, totalWithdraw, expirationBlock));
        _requireSigner(digest, participantSignature, participant);
        _requireSigner(digest, partnerSignature, index == 0 ? channel.participant2 : channel.participant1);

        own.withdrawn = uint128(totalWithdraw); // ≤ available ≤ channel total < 2^128
        emit ChannelWithdraw(channelId, participant, totalWithdraw);
        // The channel stays open, so a refused transfer can simply revert: nothing is stuck.
        if (!TokenTransfers.tryTransfer(token, participant, totalWithdraw - current, gasleft())) {
            revert TokenTransferFailed();
        }
    }

    // ------------------------------------------------------------------ cooperative settle

    function cooperativeSettle(
        uint256 channelId,
        address participant1,
        uint256 balance1,
        address participant2,
        uint256 balance2,
        bytes calldata signature1,
        bytes calldata signature2
    ) external nonReentrant {
        Channel storage channel = _opened(channelId);
        (uint256 index1,) = _indices(channel, channelId, participant1, participant2);
        uint256 total = _holdings(channel);
        if (balance1 > total || balance2 != total - balance1) {
            revert CooperativeSettleMismatch(_saturatingAdd(balance1, balance2), total);
        }
        bytes32 digest =
            _digest(ProofHashes.cooperativeSettle(channelId, participant1, balance1, participant2, balance2));
        _requireSigner(digest, signature1, participant1);
        _requireSigner(digest, signature2, participant2);

        _deleteChannel(channel);
        if (index1 == 0) emit ChannelCooperativeSettled(channelId, balance1, balance2);
        else emit ChannelCooperativeSettled(channelId, balance2, balance1);
        _payout(participant1, balance1);
        _payout(participant2, balance2);
    }

    // ------------------------------------------------------------------ close and update

    function closeChannel(
        uint256 channelId,
        address nonClosingParticipant,
        bytes32 balanceHash,
        uint256 nonce,
        bytes32 additionalHash,
        bytes calldata nonClosingSignature
    ) external nonReentrant {
        Channel storage channel = _opened(channelId);
        (uint256 closer, uint256 nonCloser) = _indices(channel, channelId, msg.sender, nonClosingParticipant);
        if (nonce == 0) {
            // The closer never received a proof from its partner.
            if (balanceHash != bytes32(0)) revert EmptyProofWithValues();
        } else {
            bytes32 digest = _digest(ProofHashes.balanceProof(channelId, balanceHash, nonce, additionalHash));
            _requireSigner(digest, nonClosingSignature, nonClosingParticipant);
            _storeProof(channel, nonCloser, balanceHash, nonce);
        }
        uint256 settleBlockNumber = block.number + channel.settleTimeout;
        channel.state = closer == 0 ? CLOSED : CLOSED | CLOSER_IS_PARTICIPANT2;
        channel.settleBlockNumber = uint56(settleBlockNumber);
        emit ChannelClosed(channelId, msg.sender, nonce, balanceHash);
    }

    function updateNonClosingBalanceProof(
        uint256 channelId,
        address closingParticipant,
        bytes32 balanceHash,
        uint256 nonce,
        bytes32 additionalHash,
        bytes calldata closingSignature
    ) external nonReentrant {
        Channel storage channel = _closedBeforeSettleBlock(channelId);
        uint256 closer = _closerIndex(channel, channelId, closingParticipant, msg.sender);
        bytes32 digest = _digest(ProofHashes.balanceProof(channelId, balanceHash, nonce, additionalHash));
        _requireSigner(digest, closingSignature, closingParticipant);
        _storeProof(channel, closer, balanceHash, nonce);
        emit NonClosingBalanceProofUpdated(channelId, closingParticipant, nonce, balanceHash);
    }

    function updateBalanceProofDelegate(
        uint256 channelId,
        address closingParticipant,
        address nonClosingParticipant,
        bytes32 balanceHash,
        uint256 nonce,
        bytes32 additionalHash,
        bytes calldata closingSignature,
        bytes calldata nonClosingSignature,
        uint256 reward
    ) external nonReentrant {
        Channel storage channel = _closedBeforeSettleBlock(channelId);
        uint256 closer = _closerIndex(channel, channelId, closingParticipant, nonClosingParticipant);
        if (reward > type(uint96).max) revert RewardTooLarge(reward);
        _requireSigner(
            _digest(ProofHashes.balanceProof(channelId, balanceHash, nonce, additionalHash)),
            closingSignature,
            closingParticipant
        );
        // The delegation names msg.sender as the monitor: a copy seen in the mempool is useless
        // to anyone else.
        _requireSigner(
            _digest(ProofHashes.monitorDelegation(channelId, balanceHash, nonce, additionalHash, msg.sender, reward)),
            nonClosingSignature,
            nonClosingParticipant
        );
        _storeProof(channel, closer, balanceHash, nonce);
        if (reward != 0) {
            Participant storage delegator = channel.participants[1 - closer];
            delegator.monitor = msg.sender;
            delegator.reward = uint96(reward);
            uint8 state = channel.state;
            uint8 recorded = closer == 0 ? MONITOR_PARTICIPANT2 : MONITOR_PARTICIPANT1;
            if (state & recorded == 0) channel.state = state | recorded;
        }
        emit NonClosingBalanceProofUpdated(channelId, closingParticipant, nonce, balanceHash);
    }

    // ------------------------------------------------------------------ unlock and punish

    function unlock(
        uint256 channelId,
        address payer,
        uint256 transferredAmount,
        uint256 expiration,
        uint256 amount,
        bytes32 secretHash,
        bytes calldata merkleProof
    ) external nonReentrant {
        // Only the payee itself: a lock it gave up (signed Disposed) and that someone else
        // unlocked for it would get it punished.
        _requireSecretInTime(secretHash, expiration);
        bytes32 lockHash = ProofHashes.lockHash(expiration, amount, secretHash);
        _unlock(channelId, payer, msg.sender, transferredAmount, lockHash, amount, merkleProof);
    }

    function unlockDelegate(
        uint256 channelId,
        address payer,
        address payee,
        uint256 transferredAmount,
        uint256 expiration,
        uint256 amount,
        bytes32 secretHash,
        bytes calldata merkleProof,
        bytes calldata payeeSignature
    ) external nonReentrant {
        bytes32 lockHash = ProofHashes.lockHash(expiration, amount, secretHash);
        _requireSigner(_digest(ProofHashes.unlockDelegation(channelId, msg.sender, lockHash)), payeeSignature, payee);
        _requireSecretInTime(secretHash, expiration);
        _unlock(channelId, payer, payee, transferredAmount, lockHash, amount, merkleProof);
    }

    function punishObsoleteUnlock(
        uint256 channelId,
        address beneficiary,
        address cheater,
        bytes32 lockHash,
        bytes32 additionalHash,
        bytes calldata cheaterSignature
    ) external nonReentrant {
        Channel storage channel = _closed(channelId);
        uint256 lastBlock = uint256(channel.settleBlockNumber) + punishWindow;
        if (block.number > lastBlock) revert PunishWindowOver(lastBlock);
        (, uint256 cheaterIndex) = _indices(channel, channelId, beneficiary, cheater);
        uint8 state = channel.state;
        // One punishment per channel: it already moves a whole share.
        if (state & PUNISHED != 0) revert AlreadyPunished(cheater);
        if (_unlockedAtNonce[_unlockKey(channelId, cheater, lockHash)] == 0) revert LockNotUnlocked(lockHash);
        _requireSigner(
            _digest(ProofHashes.disposed(channelId, lockHash, additionalHash)), cheaterSignature, cheater
        );
        channel.state = state | (cheaterIndex == 0 ? PUNISHED_PARTICIPANT1 : PUNISHED_PARTICIPANT2);
        emit ChannelPunished(channelId, beneficiary, cheater);
    }

    // ------------------------------------------------------------------ settle

    function settleChannel(
        uint256 channelId,
        address participant1,
        uint256 transferredAmount1,
        bytes32 locksroot1,
        address participant2,
        uint256 transferredAmount2,
        bytes32 locksroot2
    ) external nonReentrant {
        Channel storage channel = _closed(channelId);
        uint256 firstBlock = uint256(channel.settleBlockNumber) + punishWindow + 1;
        if (block.number < firstBlock) revert SettleTooEarly(firstBlock);
        (uint256 index1,) = _indices(channel, channelId, participant1, participant2);
        Participant storage p1 = channel.participants[0];
        Participant storage p2 = channel.participants[1];
        if (index1 != 0) {
            (transferredAmount1, transferredAmount2) = (transferredAmount2, transferredAmount1);
            (locksroot1, locksroot2) = (locksroot2, locksroot1);
        }
        if (ProofHashes.balanceHash(transferredAmount1, locksroot1) != p1.balanceHash) {
            revert BalanceHashMismatch(channel.participant1);
        }
        if (ProofHashes.balanceHash(transferredAmount2, locksroot2) != p2.balanceHash) {
            revert BalanceHashMismatch(channel.participant2);
        }

        uint256 total = _holdings(channel);
        uint256 amount1 = _settledAmount1(p1.deposit, p1.withdrawn, transferredAmount1, transferredAmount2, total);
        uint256 amount2 = total - amount1;
        uint8 state = channel.state;
        if (state & PUNISHED == PUNISHED_PARTICIPANT1) (amount1, amount2) = (0, total);
        else if (state & PUNISHED != 0) (amount1, amount2) = (total, 0);

        address account1 = channel.participant1;
        address account2 = channel.participant2;
        address monitor1;
        address monitor2;
        uint256 reward1;
        uint256 reward2;
        if (state & MONITOR_PARTICIPANT1 != 0) {
            monitor1 = p1.monitor;
            reward1 = _min(p1.reward, amount1);
            amount1 -= reward1;
            delete p1.monitor;
            delete p1.reward;
        }
        if (state & MONITOR_PARTICIPANT2 != 0) {
            monitor2 = p2.monitor;
            reward2 = _min(p2.reward, amount2);
            amount2 -= reward2;
            delete p2.monitor;
            delete p2.reward;
        }

        delete p1.balanceHash;
        delete p2.balanceHash;
        _deleteChannel(channel);
        emit ChannelSettled(channelId, amount1, amount2);
        _payout(account1, amount1);
        _payout(account2, amount2);
        if (reward1 != 0) {
            emit MonitorRewarded(channelId, monitor1, reward1);
            _payout(monitor1, reward1);
        }
        if (reward2 != 0) {
            emit MonitorRewarded(channelId, monitor2, reward2);
            _payout(monitor2, reward2);
        }
    }

    function claimPayout(address recipient) external nonReentrant {
        _claim(recipient, recipient);
    }

    function claimPayoutTo(address to) external nonReentrant {
        _claim(msg.sender, to);
    }

    // ------------------------------------------------------------------ views

    function deferredPayout(address recipient) external view returns (uint256) {
        return _deferred[recipient];
    }

    function getChannelIdentifier(address participant1, address participant2) external view returns (uint256) {
        return _channelOfPair[_pairKey(participant1, participant2)];
    }

    function getChannelInfo(uint256 channelId)
        external
        view
        returns (uint8 state, uint256 settleTimeout, uint256 settleBlockNumber, address participant1, address participant2)
    {
        Channel storage channel = _channels[channelId];
        uint8 stored = channel.state;
        if (stored == 0) {
            // Storage is deleted at settlement; ids are handed out in order, so a used id with no
            // storage was settled.
            return (channelId != 0 && channelId <= channelCounter ? INFO_SETTLED : INFO_NONE, 0, 0, address(0), address(0));
        }
        state = stored & LIFECYCLE == OPENED ? INFO_OPENED : INFO_CLOSED;
        return (state, channel.settleTimeout, channel.settleBlockNumber, channel.participant1, channel.participant2);
    }

    /// @notice Zeros for an account that is not a participant of a live channel.
    function getParticipantInfo(uint256 channelId, address participant)
        external
        view
        returns (uint256 deposit, uint256 withdrawn, bytes32 balanceHash, uint256 nonce, bool isCloser)
    {
        Channel storage channel = _channels[channelId];
        uint8 state = channel.state;
        if (state == 0 || participant == address(0)) return (0, 0, bytes32(0), 0, false);
        uint256 index;
        if (participant == channel.participant1) index = 0;
        else if (participant == channel.participant2) index = 1;
        else return (0, 0, bytes32(0), 0, false);
        Participant storage p = channel.participants[index];
        isCloser = state & LIFECYCLE == CLOSED && (state & CLOSER_IS_PARTICIPANT2 != 0) == (index == 1);
        return (p.deposit, p.withdrawn, p.balanceHash, _nonce(channel, index), isCloser);
    }

    function isLockUnlocked(uint256 channelId, address payee, bytes32 lockHash) external view returns (bool) {
        return _unlockedAtNonce[_unlockKey(channelId, payee, lockHash)] != 0;
    }

    // ------------------------------------------------------------------ internals

    function _open(address participant1, address participant2, uint256 settleTimeout)
        private
        returns (uint256 channelId)
    {
        if (
            participant1 == address(0) || participant2 == address(0) || participant1 == participant2
                || participant1 == address(this) || participant2 == address(this)
        ) revert InvalidParticipants(participant1, participant2);
        if (settleTimeout < settleTimeoutMin || settleTimeout > settleTimeoutMax) {
            revert SettleTimeoutOutOfRange(settleTimeout, settleTimeoutMin, settleTimeoutMax);
        }
        bytes32 pair = _pairKey(participant1, participant2);
        uint256 existing = _channelOfPair[pair];
        if (existing != 0) revert ChannelExists(existing);
        channelId = ++channelCounter;
        _channelOfPair[pair] = channelId;
        Channel storage channel = _channels[channelId];
        channel.participant1 = participant1;
        channel.state = OPENED;
        channel.settleTimeout = uint32(settleTimeout); // ≤ settleTimeoutMax < 2^32 (registry)
        channel.participant2 = participant2;
        emit ChannelOpened(channelId, participant1, participant2, settleTimeout);
    }

    /// @return added how much the participant's total rose, to be pulled from the depositor.
    function _deposit(uint256 channelId, Channel storage channel, uint256 index, address participant, uint256 totalDeposit)
        private
        returns (uint256 added)
    {
        Participant storage p = channel.participants[index];
        uint256 current = p.deposit;
        if (totalDeposit <= current) revert TotalDepositNotIncreasing(current, totalDeposit);
        // Each side below 2^127 keeps the channel below 2^128, so every packed amount (and any
        // withdrawal, which never exceeds the channel) fits, without reading the partner's slot.
        if (totalDeposit > MAX_DEPOSIT) revert AmountTooLarge(totalDeposit);
        added = totalDeposit - current;
        p.deposit = uint128(totalDeposit);
        emit ChannelNewDeposit(channelId, participant, totalDeposit);
    }

    function _openIfNeededAndDeposit(uint256 value, bytes calldata data) private {
        if (data.length != 96) revert InvalidDepositData();
        (address participant, address partner, uint256 settleTimeout) = abi.decode(data, (address, address, uint256));
        uint256 channelId = _channelOfPair[_pairKey(participant, partner)];
        if (channelId == 0) channelId = _open(participant, partner, settleTimeout);
        Channel storage channel = _opened(channelId);
        (uint256 index,) = _indices(channel, channelId, participant, partner);
        uint256 current = channel.participants[index].deposit;
        if (value > MAX_DEPOSIT) revert AmountTooLarge(value);
        _deposit(channelId, channel, index, participant, current + value);
    }

    /// @notice Pulls `amount` from `from` and insists it all arrived: a token that takes a fee
    /// on transfer would otherwise leave the network owing more than it holds, and the shortfall
    /// would come out of other channels.
    function _pull(address from, uint256 amount) private {
        uint256 before = TokenTransfers.balanceOf(token, address(this));
        if (!TokenTransfers.tryTransferFrom(token, from, address(this), amount)) revert TokenTransferFailed();
        uint256 afterwards = TokenTransfers.balanceOf(token, address(this));
        uint256 received = afterwards > before ? afterwards - before : 0;
        if (received != amount) revert TokenAmountMismatch(amount, received);
    }

    /// @notice Pays out, or keeps the amount for the recipient when the token refuses (a
    /// blacklisted recipient, an ERC223 receiver that reverts or burns gas, a hostile token).
    /// The token gets PAYOUT_GAS at most, and the caller must leave enough for that plus the
    /// deferral: otherwise a settler could starve the call on purpose to defer an honest payout,
    /// and a receiver burning gas could starve the payouts after its own.
    function _payout(address recipient, uint256 amount) private {
        if (amount == 0) return;
        uint256 required = PAYOUT_GAS + PAYOUT_GAS / 63 + DEFERRAL_GAS;
        if (gasleft() < required) revert InsufficientGas(required, gasleft());
        if (!TokenTransfers.tryTransfer(token, recipient, amount, PAYOUT_GAS)) {
            _deferred[recipient] += amount;
            emit PayoutDeferred(recipient, amount);
        }
    }

    function _claim(address recipient, address to) private {
        uint256 amount = _deferred[recipient];
        if (amount == 0) revert NothingToClaim(recipient);
        _deferred[recipient] = 0;
        emit PayoutClaimed(recipient, amount);
        if (!TokenTransfers.tryTransfer(token, to, amount, gasleft())) revert TokenTransferFailed();
    }

    function _unlock(
        uint256 channelId,
        address payer,
        address payee,
        uint256 transferredAmount,
        bytes32 lockHash,
        uint256 amount,
        bytes calldata merkleProof
    ) private {
        Channel storage channel = _closedBeforeSettleBlock(channelId);
        (uint256 payerIndex,) = _indices(channel, channelId, payer, payee);
        Participant storage p = channel.participants[payerIndex];
        bytes32 locksroot = LocksRoot.compute(lockHash, merkleProof);
        if (ProofHashes.balanceHash(transferredAmount, locksroot) != p.balanceHash) revert BalanceHashMismatch(payer);
        // A matching balance hash is non-zero, so the payer's proof is stored and its nonce ≥ 1.
        uint256 nonce = _nonce(channel, payerIndex);
        bytes32 key = _unlockKey(channelId, payee, lockHash);
        if (_unlockedAtNonce[key] == nonce) revert LockAlreadyUnlocked(lockHash);
        _unlockedAtNonce[key] = nonce;
        uint256 newTransferred;
        unchecked {
            newTransferred = transferredAmount + amount;
        }
        if (newTransferred < amount) revert AmountTooLarge(amount);
        p.balanceHash = ProofHashes.balanceHash(newTransferred, locksroot);
        emit ChannelUnlocked(channelId, payee, lockHash, newTransferred);
    }

    /// @notice The lock counts only if its secret became public on chain no later than its expiration.
    function _requireSecretInTime(bytes32 secretHash, uint256 expiration) private view {
        uint256 revealBlock = ISecretRegistry(secretRegistry).getSecretRevealBlockHeight(secretHash);
        if (revealBlock == 0) revert SecretNotRegistered(secretHash);
        if (revealBlock > expiration) revert SecretRevealedTooLate(revealBlock, expiration);
    }

    function _storeProof(Channel storage channel, uint256 index, bytes32 balanceHash, uint256 nonce) private {
        if (nonce > type(uint48).max) revert NonceTooLarge(nonce);
        uint256 stored = _nonce(channel, index);
        if (nonce <= stored) revert NonceNotIncreasing(stored, nonce);
        channel.participants[index].balanceHash = balanceHash;
        if (index == 0) channel.nonce1 = uint48(nonce);
        else channel.nonce2 = uint48(nonce);
    }

    /// @notice Deletes the pair entry, the two channel slots and the deposit slots: all an open
    /// channel can hold (settlement clears the balance hashes and monitor records it used).
    function _deleteChannel(Channel storage channel) private {
        delete _channelOfPair[_pairKey(channel.participant1, channel.participant2)];
        delete channel.participants[0].deposit;
        delete channel.participants[0].withdrawn;
        delete channel.participants[1].deposit;
        delete channel.participants[1].withdrawn;
        delete channel.participant1;
        delete channel.state;
        delete channel.settleTimeout;
        delete channel.settleBlockNumber;
        delete channel.participant2;
        delete channel.nonce1;
        delete channel.nonce2;
    }

    function _opened(uint256 channelId) private view returns (Channel storage channel) {
        channel = _channels[channelId];
        if (channel.state & LIFECYCLE != OPENED) revert ChannelNotOpened(channelId);
    }

    function _closed(uint256 channelId) private view returns (Channel storage channel) {
        channel = _channels[channelId];
        if (channel.state & LIFECYCLE != CLOSED) revert ChannelNotClosed(channelId);
    }

    /// @notice Updates and unlocks are accepted up to and including the settle block.
    function _closedBeforeSettleBlock(uint256 channelId) private view returns (Channel storage channel) {
        channel = _closed(channelId);
        uint256 settleBlockNumber = channel.settleBlockNumber;
        if (block.number > settleBlockNumber) revert UpdateWindowOver(settleBlockNumber);
    }

    /// @return closer the index of `closingParticipant`, after checking that it closed the
    /// channel and that `nonClosingParticipant` is its partner.
    function _closerIndex(Channel storage channel, uint256 channelId, address closingParticipant, address nonClosingParticipant)
        private
        view
        returns (uint256 closer)
    {
        (closer,) = _indices(channel, channelId, closingParticipant, nonClosingParticipant);
        uint256 actualCloser = channel.state & CLOSER_IS_PARTICIPANT2 != 0 ? 1 : 0;
        if (closer != actualCloser) revert CallerIsNotNonClosing(channelId, nonClosingParticipant);
    }

    /// @return first the index (0 or 1) of `a`, second that of `b`; reverts unless {a, b} are
    /// exactly the channel's participants. Callers check the channel exists first.
    function _indices(Channel storage channel, uint256 channelId, address a, address b)
        private
        view
        returns (uint256 first, uint256 second)
    {
        address participant1 = channel.participant1;
        address participant2 = channel.participant2;
        if (a == participant1 && b == participant2) return (0, 1);
        if (a == participant2 && b == participant1) return (1, 0);
        revert NotParticipant(channelId, a == participant1 || a == participant2 ? b : a);
    }

    function _indexOf(Channel storage channel, uint256 channelId, address account) private view returns (uint256) {
        if (account == channel.participant1) return 0;
        if (account == channel.participant2) return 1;
        revert NotParticipant(channelId, account);
    }

    function _nonce(Channel storage channel, uint256 index) private view returns (uint256) {
        return index == 0 ? channel.nonce1 : channel.nonce2;
    }

    function _holdings(Channel storage channel) private view returns (uint256) {
        Participant storage p1 = channel.participants[0];
        Participant storage p2 = channel.participants[1];
        return uint256(p1.deposit) + p2.deposit - p1.withdrawn - p2.withdrawn;
    }

    /// @notice participant1 receives deposit1 − withdrawn1 + transferred2 − transferred1,
    /// clamped to [0, total]. Transferred amounts are signed values of any size, so their
    /// difference is capped first: deposits and withdrawals are below 2^128, so any difference
    /// of 2^130 or more already clamps, and the capped sum fits an int256.
    function _settledAmount1(
        uint256 deposit1,
        uint256 withdrawn1,
        uint256 transferred1,
        uint256 transferred2,
        uint256 total
    ) private pure returns (uint256) {
        uint256 cap = 1 << 130;
        int256 amount = int256(deposit1) - int256(withdrawn1);
        if (transferred2 >= transferred1) amount += int256(_min(transferred2 - transferred1, cap));
        else amount -= int256(_min(transferred1 - transferred2, cap));
        if (amount <= 0) return 0;
        if (uint256(amount) >= total) return total;
        return uint256(amount);
    }

    function _requireSigner(bytes32 digest, bytes calldata signature, address expected) private pure {
        address signer = Signatures.recover(digest, signature);
        if (signer == address(0)) revert InvalidSignature();
        if (signer != expected) revert WrongSigner(expected, signer);
    }

    function _digest(bytes32 structHash) private view returns (bytes32) {
        return ProofHashes.digest(domainSeparator, structHash);
    }

    function _unlockKey(uint256 channelId, address payee, bytes32 lockHash) private pure returns (bytes32) {
        return keccak256(abi.encode(channelId, payee, lockHash));
    }

    function _pairKey(address a, address b) private pure returns (bytes32) {
        return a < b ? keccak256(abi.encodePacked(a, b)) : keccak256(abi.encodePacked(b, a));
    }

    function _min(uint256 a, uint256 b) private pure returns (uint256) {
        return a < b ? a : b;
    }

    function _saturatingAdd(uint256 a, uint256 b) private pure returns (uint256) {
        unchecked {
            uint256 sum = a + b;
            return sum < a ? type(uint256).max : sum;
        }
    }
}
