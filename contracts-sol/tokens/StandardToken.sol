// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {TokenLedger} from "./TokenLedger.sol";

/// @notice The ERC20 transfer functions with the standard's bool results (true on success,
/// a revert on failure). Virtual so that the hostile tokens can bend exactly one behaviour each.
abstract contract StandardToken is TokenLedger {
    constructor(string memory name_, string memory symbol_) TokenLedger(name_, symbol_) {}

    function transfer(address to, uint256 value) public virtual returns (bool) {
        _transfer(msg.sender, to, value);
        return true;
    }

    function transferFrom(address from, address to, uint256 value) public virtual returns (bool) {
        _spendAllowance(from, msg.sender, value);
        _transfer(from, to, value);
        return true;
    }

    function approve(address spender, uint256 value) public virtual returns (bool) {
        _approve(msg.sender, spender, value);
        return true;
    }
}
