// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

/// @notice On-chain record of revealed secrets: a lock whose secret was revealed here at a block
/// no later than the lock's expiration can be unlocked on chain even if the payer never sent
/// the off-chain Unlock. Secret hashes are sha256, so the same secret can settle a swap on
/// another chain.
interface ISecretRegistry {
    event SecretRevealed(bytes32 indexed secretHash, bytes32 secret);

    /// @return true when the secret was new; false (and no state change) when already registered.
    function registerSecret(bytes32 secret) external returns (bool);

    /// @notice Registers every secret that is not yet registered; already registered ones are skipped.
    function registerSecretBatch(bytes32[] calldata secrets) external;

    /// @return the block at which sha256(secret) == secretHash was registered, or 0 when never.
    function getSecretRevealBlockHeight(bytes32 secretHash) external view returns (uint256);
}
