// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {ITokenNetwork} from "../interfaces/ITokenNetwork.sol";

/// @notice The Merkle tree over pending lock hashes (DESIGN.md §5): parent =
/// keccak256(min(a,b) ‖ max(a,b)), an odd last node is carried up unchanged, so a proof is just
/// the sibling hashes met on the way up (a carried level contributes none) and needs no
/// left/right flags. A leaf cannot be confused with an inner node: a leaf is the keccak of a
/// 96-byte lock encoding, an inner node the keccak of 64 bytes.
library LocksRoot {
    /// @return root the root of the tree that contains `leaf` with the given sibling path.
    function compute(bytes32 leaf, bytes calldata proof) internal pure returns (bytes32 root) {
        if (proof.length % 32 != 0) revert ITokenNetwork.MalformedMerkleProof(proof.length);
        root = leaf;
        for (uint256 offset = 0; offset < proof.length; offset += 32) {
            bytes32 sibling = bytes32(proof[offset:offset + 32]);
            root = root < sibling ? _hashPair(root, sibling) : _hashPair(sibling, root);
        }
    }

    function _hashPair(bytes32 low, bytes32 high) private pure returns (bytes32 parent) {
        assembly ("memory-safe") {
            mstore(0x00, low)
            mstore(0x20, high)
            parent := keccak256(0x00, 0x40)
        }
    }
}
