using Photon.Ethereum.Abi;

namespace Photon.Contracts.Bindings;

/// <summary>
/// The ABI of <c>ITokenNetwork</c> (contracts-sol/src/interfaces/ITokenNetwork.sol): its normative
/// functions and events, our own additions, and the custom errors that give every refusal a typed
/// reason. Declared here member by member; a test compiles the interface and checks the two are identical.
/// </summary>
public static class TokenNetworkAbi
{
    public static readonly AbiFunction OpenChannelFunction =
        AbiFunction.Parse("function openChannel(address participant1, address participant2, uint256 settleTimeout) external returns (uint256 channelId)");

    public static readonly AbiFunction OpenChannelWithDepositFunction =
        AbiFunction.Parse("function openChannelWithDeposit(address participant1, address participant2, uint256 settleTimeout, uint256 participant1TotalDeposit) external returns (uint256 channelId)");

    public static readonly AbiFunction SetTotalDepositFunction =
        AbiFunction.Parse("function setTotalDeposit(uint256 channelId, address participant, uint256 totalDeposit, address partner) external");

    public static readonly AbiFunction SetTotalWithdrawFunction =
        AbiFunction.Parse("function setTotalWithdraw(uint256 channelId, address participant, uint256 totalWithdraw, uint256 expirationBlock, bytes calldata participantSignature, bytes calldata partnerSignature) external");

    public static readonly AbiFunction CooperativeSettleFunction =
        AbiFunction.Parse("function cooperativeSettle(uint256 channelId, address participant1, uint256 balance1, address participant2, uint256 balance2, bytes calldata signature1, bytes calldata signature2) external");

    public static readonly AbiFunction CloseChannelFunction =
        AbiFunction.Parse("function closeChannel(uint256 channelId, address nonClosingParticipant, bytes32 balanceHash, uint256 nonce, bytes32 additionalHash, bytes calldata nonClosingSignature) external");

    public static readonly AbiFunction UpdateNonClosingBalanceProofFunction =
        AbiFunction.Parse("function updateNonClosingBalanceProof(uint256 channelId, address closingParticipant, bytes32 balanceHash, uint256 nonce, bytes32 additionalHash, bytes calldata closingSignature) external");

    public static readonly AbiFunction UpdateBalanceProofDelegateFunction =
        AbiFunction.Parse("function updateBalanceProofDelegate(uint256 channelId, address closingParticipant, address nonClosingParticipant, bytes32 balanceHash, uint256 nonce, bytes32 additionalHash, bytes calldata closingSignature, bytes calldata nonClosingSignature, uint256 reward) external");

    public static readonly AbiFunction UnlockFunction =
        AbiFunction.Parse("function unlock(uint256 channelId, address payer, uint256 transferredAmount, uint256 expiration, uint256 amount, bytes32 secretHash, bytes calldata merkleProof) external");

    public static readonly AbiFunction UnlockDelegateFunction =
        AbiFunction.Parse("function unlockDelegate(uint256 channelId, address payer, address payee, uint256 transferredAmount, uint256 expiration, uint256 amount, bytes32 secretHash, bytes calldata merkleProof, bytes calldata payeeSignature) external");

    public static readonly AbiFunction PunishObsoleteUnlockFunction =
        AbiFunction.Parse("function punishObsoleteUnlock(uint256 channelId, address beneficiary, address cheater, bytes32 lockHash, bytes32 additionalHash, bytes calldata cheaterSignature) external");

    public static readonly AbiFunction SettleChannelFunction =
        AbiFunction.Parse("function settleChannel(uint256 channelId, address participant1, uint256 transferredAmount1, bytes32 locksroot1, address participant2, uint256 transferredAmount2, bytes32 locksroot2) external");

    public static readonly AbiFunction TokenFallbackFunction =
        AbiFunction.Parse("function tokenFallback(address from, uint256 value, bytes calldata data) external returns (bool)");

    public static readonly AbiFunction ReceiveApprovalFunction =
        AbiFunction.Parse("function receiveApproval(address from, uint256 value, address token, bytes calldata data) external returns (bool)");

    public static readonly AbiFunction GetChannelIdentifierFunction =
        AbiFunction.Parse("function getChannelIdentifier(address participant1, address participant2) external view returns (uint256)");

    public static readonly AbiFunction GetChannelInfoFunction =
        AbiFunction.Parse("function getChannelInfo(uint256 channelId) external view returns (uint8 state, uint256 settleTimeout, uint256 settleBlockNumber, address participant1, address participant2)");

    public static readonly AbiFunction GetParticipantInfoFunction =
        AbiFunction.Parse("function getParticipantInfo(uint256 channelId, address participant) external view returns (uint256 deposit, uint256 withdrawn, bytes32 balanceHash, uint256 nonce, bool isCloser)");

    public static readonly AbiFunction IsLockUnlockedFunction =
        AbiFunction.Parse("function isLockUnlocked(uint256 channelId, address payee, bytes32 lockHash) external view returns (bool)");

    public static readonly AbiFunction ClaimPayoutFunction = AbiFunction.Parse("function claimPayout(address recipient) external");
    public static readonly AbiFunction ClaimPayoutToFunction = AbiFunction.Parse("function claimPayoutTo(address to) external");

    public static readonly AbiFunction DeferredPayoutFunction =
        AbiFunction.Parse("function deferredPayout(address recipient) external view returns (uint256)");

    public static readonly AbiFunction TokenFunction = AbiFunction.Parse("function token() external view returns (address)");

    public static readonly AbiFunction SecretRegistryFunction = AbiFunction.Parse("function secretRegistry() external view returns (address)");

    public static readonly AbiFunction ChainIdFunction = AbiFunction.Parse("function chainId() external view returns (uint256)");

    public static readonly AbiFunction SettleTimeoutMinFunction = AbiFunction.Parse("function settleTimeoutMin() external view returns (uint256)");

    public static readonly AbiFunction SettleTimeoutMaxFunction = AbiFunction.Parse("function settleTimeoutMax() external view returns (uint256)");

    public static readonly AbiFunction PunishWindowFunction = AbiFunction.Parse("function punishWindow() external view returns (uint256)");

    public static readonly AbiFunction ChannelCounterFunction = AbiFunction.Parse("function channelCounter() external view returns (uint256)");

    public static readonly AbiFunction DomainSeparatorFunction = AbiFunction.Parse("function domainSeparator() external view returns (bytes32)");

    public static readonly AbiEvent ChannelOpenedEvent =
        AbiEvent.Parse("event ChannelOpened(uint256 indexed channelId, address indexed participant1, address indexed participant2, uint256 settleTimeout)");

    public static readonly AbiEvent ChannelNewDepositEvent =
        AbiEvent.Parse("event ChannelNewDeposit(uint256 indexed channelId, address indexed participant, uint256 totalDeposit)");

    public static readonly AbiEvent ChannelWithdrawEvent =
        AbiEvent.Parse("event ChannelWithdraw(uint256 indexed channelId, address indexed participant, uint256 totalWithdraw)");

    public static readonly AbiEvent ChannelClosedEvent =
        AbiEvent.Parse("event ChannelClosed(uint256 indexed channelId, address indexed closingParticipant, uint256 nonce, bytes32 balanceHash)");

    public static readonly AbiEvent NonClosingBalanceProofUpdatedEvent =
        AbiEvent.Parse("event NonClosingBalanceProofUpdated(uint256 indexed channelId, address indexed closingParticipant, uint256 nonce, bytes32 balanceHash)");

    public static readonly AbiEvent ChannelUnlockedEvent =
        AbiEvent.Parse("event ChannelUnlocked(uint256 indexed channelId, address indexed payee, bytes32 lockHash, uint256 transferredAmount)");

    public static readonly AbiEvent ChannelPunishedEvent =
        AbiEvent.Parse("event ChannelPunished(uint256 indexed channelId, address indexed beneficiary, address indexed cheater)");

    public static readonly AbiEvent ChannelSettledEvent =
        AbiEvent.Parse("event ChannelSettled(uint256 indexed channelId, uint256 participant1Amount, uint256 participant2Amount)");

    public static readonly AbiEvent ChannelCooperativeSettledEvent =
        AbiEvent.Parse("event ChannelCooperativeSettled(uint256 indexed channelId, uint256 participant1Amount, uint256 participant2Amount)");

    public static readonly AbiEvent PayoutDeferredEvent = AbiEvent.Parse("event PayoutDeferred(address indexed recipient, uint256 amount)");

    public static readonly AbiEvent PayoutClaimedEvent = AbiEvent.Parse("event PayoutClaimed(address indexed recipient, uint256 amount)");

    public static readonly AbiEvent MonitorRewardedEvent =
        AbiEvent.Parse("event MonitorRewarded(uint256 indexed channelId, address indexed monitor, uint256 amount)");

    public static readonly AbiError ReentrancyError = AbiError.Parse("error Reentrancy()");

    public static readonly AbiError InvalidParticipantsError =
        AbiError.Parse("error InvalidParticipants(address participant1, address participant2)");

    public static readonly AbiError SettleTimeoutOutOfRangeError =
        AbiError.Parse("error SettleTimeoutOutOfRange(uint256 settleTimeout, uint256 settleTimeoutMin, uint256 settleTimeoutMax)");

    public static readonly AbiError ChannelExistsError = AbiError.Parse("error ChannelExists(uint256 channelId)");

    public static readonly AbiError ChannelNotOpenedError = AbiError.Parse("error ChannelNotOpened(uint256 channelId)");

    public static readonly AbiError ChannelNotClosedError = AbiError.Parse("error ChannelNotClosed(uint256 channelId)");

    public static readonly AbiError NotParticipantError = AbiError.Parse("error NotParticipant(uint256 channelId, address account)");

    public static readonly AbiError AmountTooLargeError = AbiError.Parse("error AmountTooLarge(uint256 amount)");

    public static readonly AbiError TotalDepositNotIncreasingError =
        AbiError.Parse("error TotalDepositNotIncreasing(uint256 current, uint256 requested)");

    public static readonly AbiError TotalWithdrawNotIncreasingError =
        AbiError.Parse("error TotalWithdrawNotIncreasing(uint256 current, uint256 requested)");

    public static readonly AbiError WithdrawExpiredError = AbiError.Parse("error WithdrawExpired(uint256 expirationBlock, uint256 blockNumber)");

    public static readonly AbiError WithdrawExceedsChannelError =
        AbiError.Parse("error WithdrawExceedsChannel(uint256 totalWithdraw, uint256 available)");

    public static readonly AbiError TokenTransferFailedError = AbiError.Parse("error TokenTransferFailed()");

    public static readonly AbiError TokenAmountMismatchError = AbiError.Parse("error TokenAmountMismatch(uint256 expected, uint256 received)");

    public static readonly AbiError InvalidSignatureError = AbiError.Parse("error InvalidSignature()");

    public static readonly AbiError WrongSignerError = AbiError.Parse("error WrongSigner(address expected, address recovered)");

    public static readonly AbiError NonceTooLargeError = AbiError.Parse("error NonceTooLarge(uint256 nonce)");

    public static readonly AbiError NonceNotIncreasingError = AbiError.Parse("error NonceNotIncreasing(uint256 stored, uint256 given)");

    public static readonly AbiError EmptyProofWithValuesError = AbiError.Parse("error EmptyProofWithValues()");

    public static readonly AbiError CallerIsNotNonClosingError = AbiError.Parse("error CallerIsNotNonClosing(uint256 channelId, address caller)");

    public static readonly AbiError UpdateWindowOverError = AbiError.Parse("error UpdateWindowOver(uint256 settleBlockNumber)");

    public static readonly AbiError PunishWindowOverError = AbiError.Parse("error PunishWindowOver(uint256 lastBlock)");

    public static readonly AbiError SettleTooEarlyError = AbiError.Parse("error SettleTooEarly(uint256 firstBlock)");

    public static readonly AbiError BalanceHashMismatchError = AbiError.Parse("error BalanceHashMismatch(address participant)");

    public static readonly AbiError SecretNotRegisteredError = AbiError.Parse("error SecretNotRegistered(bytes32 secretHash)");

    public static readonly AbiError SecretRevealedTooLateError =
        AbiError.Parse("error SecretRevealedTooLate(uint256 revealBlock, uint256 expiration)");

    public static readonly AbiError LockAlreadyUnlockedError = AbiError.Parse("error LockAlreadyUnlocked(bytes32 lockHash)");

    public static readonly AbiError LockNotUnlockedError = AbiError.Parse("error LockNotUnlocked(bytes32 lockHash)");

    public static readonly AbiError AlreadyPunishedError = AbiError.Parse("error AlreadyPunished(address cheater)");

    public static readonly AbiError RewardTooLargeError = AbiError.Parse("error RewardTooLarge(uint256 reward)");

    public static readonly AbiError CooperativeSettleMismatchError =
        AbiError.Parse("error CooperativeSettleMismatch(uint256 sum, uint256 channelTotal)");

    public static readonly AbiError NotTheTokenError = AbiError.Parse("error NotTheToken(address caller)");

    public static readonly AbiError InvalidDepositDataError = AbiError.Parse("error InvalidDepositData()");

    public static readonly AbiError NothingToClaimError = AbiError.Parse("error NothingToClaim(address recipient)");

    public static readonly AbiError MalformedMerkleProofError = AbiError.Parse("error MalformedMerkleProof(uint256 length)");

    public static readonly AbiError TokenBalanceUnreadableError = AbiError.Parse("error TokenBalanceUnreadable(address token)");
    public static readonly AbiError InsufficientGasError = AbiError.Parse("error InsufficientGas(uint256 required, uint256 available)");

    /// <summary>Every member above (declared last: static fields initialise in order).</summary>
    public static readonly ContractAbi Abi = new(
        [
            OpenChannelFunction, OpenChannelWithDepositFunction, SetTotalDepositFunction, SetTotalWithdrawFunction,
            CooperativeSettleFunction, CloseChannelFunction, UpdateNonClosingBalanceProofFunction,
            UpdateBalanceProofDelegateFunction, UnlockFunction, UnlockDelegateFunction, PunishObsoleteUnlockFunction,
            SettleChannelFunction, TokenFallbackFunction, ReceiveApprovalFunction, GetChannelIdentifierFunction,
            GetChannelInfoFunction, GetParticipantInfoFunction, IsLockUnlockedFunction, ClaimPayoutFunction, ClaimPayoutToFunction,
            DeferredPayoutFunction, TokenFunction, SecretRegistryFunction, ChainIdFunction, SettleTimeoutMinFunction,
            SettleTimeoutMaxFunction, PunishWindowFunction, ChannelCounterFunction, DomainSeparatorFunction,
        ],
        [
            ChannelOpenedEvent, ChannelNewDepositEvent, ChannelWithdrawEvent, ChannelClosedEvent,
            NonClosingBalanceProofUpdatedEvent, ChannelUnlockedEvent, ChannelPunishedEvent, ChannelSettledEvent,
            ChannelCooperativeSettledEvent, PayoutDeferredEvent, PayoutClaimedEvent, MonitorRewardedEvent,
        ],
        [
            ReentrancyError, InvalidParticipantsError, SettleTimeoutOutOfRangeError, ChannelExistsError, ChannelNotOpenedError,
            ChannelNotClosedError, NotParticipantError, AmountTooLargeError, TotalDepositNotIncreasingError,
            TotalWithdrawNotIncreasingError, WithdrawExpiredError, WithdrawExceedsChannelError, TokenTransferFailedError,
            TokenAmountMismatchError, InvalidSignatureError, WrongSignerError, NonceTooLargeError, NonceNotIncreasingError,
            EmptyProofWithValuesError, CallerIsNotNonClosingError, UpdateWindowOverError, PunishWindowOverError,
            SettleTooEarlyError, BalanceHashMismatchError, SecretNotRegisteredError, SecretRevealedTooLateError,
            LockAlreadyUnlockedError, LockNotUnlockedError, AlreadyPunishedError, RewardTooLargeError,
            CooperativeSettleMismatchError, NotTheTokenError, InvalidDepositDataError, NothingToClaimError,
            MalformedMerkleProofError, TokenBalanceUnreadableError, InsufficientGasError,
        ]);
}
