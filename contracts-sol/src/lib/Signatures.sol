// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

/// @notice Recovers the signer of a 65-byte r‖s‖v signature (v ∈ {27, 28}). High-s signatures
/// are refused so that no signature has a second valid encoding (EIP-2).
library Signatures {
    uint256 private constant HALF_CURVE_ORDER = 0x7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0;

    /// @return signer the recovered address, or address(0) when the signature is malformed,
    /// non-canonical or does not recover; callers compare it with the expected signer.
    function recover(bytes32 digest, bytes calldata signature) internal pure returns (address signer) {
        if (signature.length != 65) return address(0);
        bytes32 r = bytes32(signature[0:32]);
        bytes32 s = bytes32(signature[32:64]);
        uint8 v = uint8(signature[64]);
        if (uint256(s) > HALF_CURVE_ORDER || (v != 27 && v != 28)) return address(0);
        signer = ecrecover(digest, v, r, s);
    }
}
