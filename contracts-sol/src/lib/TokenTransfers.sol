// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {ITokenNetwork} from "../interfaces/ITokenNetwork.sol";

/// @notice ERC20 calls that accept tokens returning nothing (USDT style) and refuse tokens
/// returning false or reverting.
library TokenTransfers {
    /// @return ok whether the token accepted the transfer: the call succeeded and returned
    /// either nothing or an ABI-encoded true. A call to an address without code is a failure.
    function tryTransfer(address token, address to, uint256 amount) internal returns (bool ok) {
        return _call(token, abi.encodeWithSelector(0xa9059cbb, to, amount));
    }

    function tryTransferFrom(address token, address from, address to, uint256 amount) internal returns (bool ok) {
        return _call(token, abi.encodeWithSelector(0x23b872dd, from, to, amount));
    }

    /// @dev A token whose balanceOf misbehaves makes the caller revert: deposits are credited
    /// only for tokens we could count arriving.
    function balanceOf(address token, address account) internal view returns (uint256) {
        (bool success, bytes memory data) = token.staticcall(abi.encodeWithSelector(0x70a08231, account));
        if (!success || data.length < 32) revert ITokenNetwork.TokenBalanceUnreadable(token);
        return abi.decode(data, (uint256));
    }

    function _call(address token, bytes memory callData) private returns (bool ok) {
        if (token.code.length == 0) return false;
        (bool success, bytes memory data) = token.call(callData);
        if (!success) return false;
        if (data.length == 0) return true;
        if (data.length < 32) return false;
        return abi.decode(data, (uint256)) == 1;
    }
}
