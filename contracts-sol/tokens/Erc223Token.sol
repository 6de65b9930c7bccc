// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {StandardToken} from "./StandardToken.sol";
import {ITokenReceiver} from "./ITokenReceiver.sol";

/// @notice An ERC20 that also speaks ERC223: a transfer to a contract notifies it through
/// `tokenFallback`, which lets a TokenNetwork open a channel and deposit in one transaction.
/// `transferFrom` stays plain ERC20 (no notification), as in ERC223, so pulling deposits never
/// re-enters the puller.
contract Erc223Token is StandardToken {
    /// @notice The receiving contract did not return true from tokenFallback.
    error TokenFallbackRejected(address receiver);

    constructor() StandardToken("Photon ERC223 Test Token", "P223") {}

    /// @notice ERC223: a plain transfer to a contract notifies it with empty data.
    function transfer(address to, uint256 value) public override returns (bool) {
        _transferAndNotify(to, value, "");
        return true;
    }

    /// @notice ERC223 transfer: moves the tokens, then calls `to.tokenFallback(msg.sender, value, data)`
    /// when `to` is a contract, reverting unless it returns true.
    function transfer(address to, uint256 value, bytes calldata data) external returns (bool) {
        _transferAndNotify(to, value, data);
        return true;
    }

    function _transferAndNotify(address to, uint256 value, bytes memory data) private {
        _transfer(msg.sender, to, value);
        if (to.code.length > 0 && !ITokenReceiver(to).tokenFallback(msg.sender, value, data)) {
            revert TokenFallbackRejected(to);
        }
    }
}
