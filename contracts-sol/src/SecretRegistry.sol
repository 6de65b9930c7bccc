// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {ISecretRegistry} from "./interfaces/ISecretRegistry.sol";

/// @notice Records the block at which each secret became public. A target whose payer does not
/// unlock in time registers the secret here; the on-chain unlock then accepts the lock if the
/// secret was registered at a block no later than the lock's expiration.
contract SecretRegistry is ISecretRegistry {
    /// @dev sha256(secret) => block of registration; 0 means never. Never overwritten, so the
    /// first registration is the one that counts.
    mapping(bytes32 => uint256) private _revealBlock;

    function registerSecret(bytes32 secret) external returns (bool) {
        return _register(secret);
    }

    function registerSecretBatch(bytes32[] calldata secrets) external {
        for (uint256 i = 0; i < secrets.length; ++i) {
            _register(secrets[i]);
        }
    }

    function getSecretRevealBlockHeight(bytes32 secretHash) external view returns (uint256) {
        return _revealBlock[secretHash];
    }

    function _register(bytes32 secret) private returns (bool) {
        bytes32 secretHash = sha256(abi.encode(secret));
        if (_revealBlock[secretHash] != 0) return false;
        _revealBlock[secretHash] = block.number;
        emit SecretRevealed(secretHash, secret);
        return true;
    }
}
