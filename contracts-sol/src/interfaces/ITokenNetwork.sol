// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

/// @notice Payment channels of one token (DESIGN.md §5). Functions, events and the EIP-712
/// proof types are normative; the custom errors are ours and give every refusal a typed reason.
interface ITokenNetwork {
    // ----- events (normative) -----
    event ChannelOpened(uint256 indexed channelId, address indexed participant1, address indexed participant2, uint256 settleTimeout);
    event ChannelNewDeposit(uint256 indexed channelId, address indexed participant, uint256 totalDeposit);
    event ChannelWithdraw(uint256 indexed channelId, address indexed participant, uint256 totalWithdraw);
    event ChannelClosed(uint256 indexed channelId, address indexed closingParticipant, uint256 nonce, bytes32 balanceHash);
    event NonClosingBalanceProofUpdated(uint256 indexed channelId, address indexed closingParticipant, uint256 nonce, bytes32 balanceHash);
    event ChannelUnlocked(uint256 indexed channelId, address indexed payee, bytes32 lockHash, uint256 transferredAmount);
    event ChannelPunished(uint256 indexed channelId, address indexed beneficiary, address indexed cheater);
    event ChannelSettled(uint256 indexed channelId, uint256 participant1Amount, uint256 participant2Amount);
    event ChannelCooperativeSettled(uint256 indexed channelId, uint256 participant1Amount, uint256 participant2Amount);

    // ----- events (ours) -----
    /// @notice A payout the token refused to make (it reverted or returned false) is kept for the
    /// recipient instead of blocking the settlement of both participants; see claimPayout.
    event PayoutDeferred(address indexed recipient, uint256 amount);
    event PayoutClaimed(address indexed recipient, uint256 amount);
    /// @notice At settlement a delegate's recorded reward was paid to it out of its delegator's share.
    event MonitorRewarded(uint256 indexed channelId, address indexed monitor, uint256 amount);

    // ----- errors -----
    error Reentrancy();
    error InvalidParticipants(address participant1, address participant2);
    error SettleTimeoutOutOfRange(uint256 settleTimeout, uint256 settleTimeoutMin, uint256 settleTimeoutMax);
    error ChannelExists(uint256 channelId);
    error ChannelNotOpened(uint256 channelId);
    error ChannelNotClosed(uint256 channelId);
    error NotParticipant(uint256 channelId, address account);
    error AmountTooLarge(uint256 amount);
    error TotalDepositNotIncreasing(uint256 current, uint256 requested);
    error TotalWithdrawNotIncreasing(uint256 current, uint256 requested);
    error WithdrawExpired(uint256 expirationBlock, uint256 blockNumber);
    error WithdrawExceedsChannel(uint256 totalWithdraw, uint256 available);
    error TokenTransferFailed();
    error TokenAmountMismatch(uint256 expected, uint256 received);
    error InvalidSignature();
    error WrongSigner(address expected, address recovered);
    error NonceTooLarge(uint256 nonce);
    error NonceNotIncreasing(uint256 stored, uint256 given);
    error EmptyProofWithValues();
    error CallerIsNotNonClosing(uint256 channelId, address caller);
    error UpdateWindowOver(uint256 settleBlockNumber);
    error PunishWindowOver(uint256 lastBlock);
    error SettleTooEarly(uint256 firstBlock);
    error BalanceHashMismatch(address participant);
    error SecretNotRegistered(bytes32 secretHash);
    error SecretRevealedTooLate(uint256 revealBlock, uint256 expiration);
    error LockAlreadyUnlocked(bytes32 lockHash);
    error LockNotUnlocked(bytes32 lockHash);
    error AlreadyPunished(address cheater);
    error RewardTooLarge(uint256 reward);
    error CooperativeSettleMismatch(uint256 sum, uint256 channelTotal);
    error NotTheToken(address caller);
    error InvalidDepositData();
    error NothingToClaim(address recipient);
    error MalformedMerkleProof(uint256 length);
    error TokenBalanceUnreadable(address token);
    error InsufficientGas(uint256 required, uint256 available);

    // ----- functions (normative) -----
    function openChannel(address participant1, address participant2, uint256 settleTimeout) external returns (uint256 channelId);
    function openChannelWithDeposit(address participant1, address participant2, uint256 settleTimeout, uint256 participant1TotalDeposit) external returns (uint256 channelId);
    function setTotalDeposit(uint256 channelId, address participant, uint256 totalDeposit, address partner) external;
    function setTotalWithdraw(uint256 channelId, address participant, uint256 totalWithdraw, uint256 expirationBlock, bytes calldata participantSignature, bytes calldata partnerSignature) external;
    function cooperativeSettle(uint256 channelId, address participant1, uint256 balance1, address participant2, uint256 balance2, bytes calldata signature1, bytes calldata signature2) external;
    function closeChannel(uint256 channelId, address nonClosingParticipant, bytes32 balanceHash, uint256 nonce, bytes32 additionalHash, bytes calldata nonClosingSignature) external;
    function updateNonClosingBalanceProof(uint256 channelId, address closingParticipant, bytes32 balanceHash, uint256 nonce, bytes32 additionalHash, bytes calldata closingSignature) external;
    function updateBalanceProofDelegate(uint256 channelId, address closingParticipant, address nonClosingParticipant, bytes32 balanceHash, uint256 nonce, bytes32 additionalHash, bytes calldata closingSignature, bytes calldata nonClosingSignature, uint256 reward) external;
    function unlock(uint256 channelId, address payer, uint256 transferredAmount, uint256 expiration, uint256 amount, bytes32 secretHash, bytes calldata merkleProof) external;
    function unlockDelegate(uint256 channelId, address payer, address payee, uint256 transferredAmount, uint256 expiration, uint256 amount, bytes32 secretHash, bytes calldata merkleProof, bytes calldata payeeSignature) external;
    function punishObsoleteUnlock(uint256 channelId, address beneficiary, address cheater, bytes32 lockHash, bytes32 additionalHash, bytes calldata cheaterSignature) external;
    function settleChannel(uint256 channelId, address participant1, uint256 transferredAmount1, bytes32 locksroot1, address participant2, uint256 transferredAmount2, bytes32 locksroot2) external;
    function tokenFallback(address from, uint256 value, bytes calldata data) external returns (bool);
    function receiveApproval(address from, uint256 value, address token, bytes calldata data) external returns (bool);
    function getChannelIdentifier(address participant1, address participant2) external view returns (uint256);
    function getChannelInfo(uint256 channelId) external view returns (uint8 state, uint256 settleTimeout, uint256 settleBlockNumber, address participant1, address participant2);
    function getParticipantInfo(uint256 channelId, address participant) external view returns (uint256 deposit, uint256 withdrawn, bytes32 balanceHash, uint256 nonce, bool isCloser);
    function isLockUnlocked(uint256 channelId, address payee, bytes32 lockHash) external view returns (bool);

    // ----- functions (ours) -----
    /// @notice Sends a deferred payout to its recipient (anyone may call; the tokens go to the recipient).
    function claimPayout(address recipient) external;
    /// @notice Sends the caller's own deferred payout to another address, for a recipient that
    /// cannot receive the token itself (a contract without the token's receiver hook).
    function claimPayoutTo(address to) external;
    function deferredPayout(address recipient) external view returns (uint256);
    function token() external view returns (address);
    function secretRegistry() external view returns (address);
    function chainId() external view returns (uint256);
    function settleTimeoutMin() external view returns (uint256);
    function settleTimeoutMax() external view returns (uint256);
    function punishWindow() external view returns (uint256);
    /// @notice The highest channel id handed out so far (ids start at 1 and are never reused).
    function channelCounter() external view returns (uint256);
    function domainSeparator() external view returns (bytes32);
}
