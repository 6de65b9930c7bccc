// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {ITokenNetwork} from "../interfaces/ITokenNetwork.sol";

/// @notice ERC20 calls that accept tokens returning nothing (USDT style) and refuse tokens
/// returning false or reverting. At most one word of return data is ever copied, so a token
/// (or a receiver it calls, like ERC223's tokenFallback) cannot make the caller run out of gas
/// by returning or reverting with a huge payload.
library TokenTransfers {
    /// @param gasLimit the gas the token may use; a payout to a receiver that the token calls
    /// back is bounded so the rest of a settlement always has gas left.
    /// @return ok whether the token accepted the transfer: the call succeeded and returned
    /// either nothing or a word equal to 1 (true). A call to an address without code fails.
    function tryTransfer(address token, address to, uint256 amount, uint256 gasLimit) internal returns (bool ok) {
        return _call(token, abi.encodeWithSelector(0xa9059cbb, to, amount), gasLimit);
    }

    function tryTransferFrom(address token, address from, address to, uint256 amount) internal returns (bool ok) {
        return _call(token, abi.encodeWithSelector(0x23b872dd, from, to, amount), gasleft());
    }

    /// @dev A token whose balanceOf misbehaves makes the caller revert: deposits are credited
    /// only for tokens we could count arriving.
    function balanceOf(address token, address account) internal view returns (uint256 amount) {
        bytes memory callData = abi.encodeWithSelector(0x70a08231, account);
        bool ok;
        assembly ("memory-safe") {
            // Yul evaluates arguments right to left: read returndatasize only after the call.
            let success := staticcall(gas(), token, add(callData, 0x20), mload(callData), 0x00, 0x20)
            ok := and(success, gt(returndatasize(), 0x1f))
            amount := mload(0x00)
        }
        if (!ok) revert ITokenNetwork.TokenBalanceUnreadable(token);
    }

    function _call(address token, bytes memory callData, uint256 gasLimit) private returns (bool ok) {
        if (token.code.length == 0) return false;
        assembly ("memory-safe") {
            // The output area is scratch space: only the first word is copied.
            let success := call(gasLimit, token, 0, add(callData, 0x20), mload(callData), 0x00, 0x20)
            switch returndatasize()
            case 0 { ok := success }
            default { ok := and(success, and(gt(returndatasize(), 0x1f), eq(mload(0x00), 1))) }
        }
    }
}
