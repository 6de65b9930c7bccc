// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

/// @notice EIP-712 struct hashes of the six signed proof types (DESIGN.md §5) and the hashes
/// that go into them. The type strings are normative: a node, a monitor and any outside
/// client sign exactly these.
library ProofHashes {
    bytes32 internal constant DOMAIN_TYPEHASH =
        keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)");
    bytes32 internal constant BALANCE_PROOF_TYPEHASH =
        keccak256("BalanceProof(uint256 channelId,bytes32 balanceHash,uint256 nonce,bytes32 additionalHash)");
    bytes32 internal constant MONITOR_DELEGATION_TYPEHASH = keccak256(
        "MonitorDelegation(uint256 channelId,bytes32 balanceHash,uint256 nonce,bytes32 additionalHash,address monitor,uint256 reward)"
    );
    bytes32 internal constant WITHDRAW_TYPEHASH =
        keccak256("Withdraw(uint256 channelId,address participant,uint256 totalWithdraw,uint256 expirationBlock)");
    bytes32 internal constant COOPERATIVE_SETTLE_TYPEHASH = keccak256(
        "CooperativeSettle(uint256 channelId,address participant1,uint256 balance1,address participant2,uint256 balance2)"
    );
    bytes32 internal constant DISPOSED_TYPEHASH =
        keccak256("Disposed(uint256 channelId,bytes32 lockHash,bytes32 additionalHash)");
    bytes32 internal constant UNLOCK_DELEGATION_TYPEHASH =
        keccak256("UnlockDelegation(uint256 channelId,address delegate,bytes32 lockHash)");

    function domainSeparator(uint256 chainId, address verifyingContract) internal pure returns (bytes32) {
        return keccak256(abi.encode(DOMAIN_TYPEHASH, keccak256("Photon"), keccak256("1"), chainId, verifyingContract));
    }

    /// @notice keccak256(abi.encode(transferredAmount, locksroot)), and zero when both are zero,
    /// so a channel whose partner never paid needs no proof at all.
    function balanceHash(uint256 transferredAmount, bytes32 locksroot) internal pure returns (bytes32) {
        if (transferredAmount == 0 && locksroot == bytes32(0)) return bytes32(0);
        return keccak256(abi.encode(transferredAmount, locksroot));
    }

    function lockHash(uint256 expiration, uint256 amount, bytes32 secretHash) internal pure returns (bytes32) {
        return keccak256(abi.encode(expiration, amount, secretHash));
    }

    function balanceProof(uint256 channelId, bytes32 balanceHash_, uint256 nonce, bytes32 additionalHash)
        internal
        pure
        returns (bytes32)
    {
        return keccak256(abi.encode(BALANCE_PROOF_TYPEHASH, channelId, balanceHash_, nonce, additionalHash));
    }

    function monitorDelegation(
        uint256 channelId,
        bytes32 balanceHash_,
        uint256 nonce,
        bytes32 additionalHash,
        address monitor,
        uint256 reward
    ) internal pure returns (bytes32) {
        return keccak256(
            abi.encode(MONITOR_DELEGATION_TYPEHASH, channelId, balanceHash_, nonce, additionalHash, monitor, reward)
        );
    }

    function withdraw(uint256 channelId, address participant, uint256 totalWithdraw, uint256 expirationBlock)
        internal
        pure
        returns (bytes32)
    {
        return keccak256(abi.encode(WITHDRAW_TYPEHASH, channelId, participant, totalWithdraw, expirationBlock));
    }

    function cooperativeSettle(
        uint256 channelId,
        address participant1,
        uint256 balance1,
        address participant2,
        uint256 balance2
    ) internal pure returns (bytes32) {
        return keccak256(
            abi.encode(COOPERATIVE_SETTLE_TYPEHASH, channelId, participant1, balance1, participant2, balance2)
        );
    }

    function disposed(uint256 channelId, bytes32 lockHash_, bytes32 additionalHash) internal pure returns (bytes32) {
        return keccak256(abi.encode(DISPOSED_TYPEHASH, channelId, lockHash_, additionalHash));
    }

    function unlockDelegation(uint256 channelId, address delegate, bytes32 lockHash_) internal pure returns (bytes32) {
        return keccak256(abi.encode(UNLOCK_DELEGATION_TYPEHASH, channelId, delegate, lockHash_));
    }

    /// @notice The EIP-712 digest "\x19\x01" ‖ domainSeparator ‖ structHash.
    function digest(bytes32 domainSeparator_, bytes32 structHash) internal pure returns (bytes32 result) {
        assembly ("memory-safe") {
            let free := mload(0x40)
            mstore(free, hex"1901")
            mstore(add(free, 0x02), domainSeparator_)
            mstore(add(free, 0x22), structHash)
            result := keccak256(free, 0x42)
        }
    }
}
