// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {StandardToken} from "./StandardToken.sol";

/// @notice A hostile token for failure tests: when switched on, `transfer` or `transferFrom`
/// returns false and moves nothing instead of reverting, as some early ERC20 tokens did.
/// A caller that ignores the result would believe tokens moved that never did.
contract FalseReturningToken is StandardToken {
    bool public failTransfer;
    bool public failTransferFrom;

    constructor() StandardToken("Photon False-Returning Test Token", "PFLS") {}

    function setFailTransfer(bool fail) external {
        failTransfer = fail;
    }

    function setFailTransferFrom(bool fail) external {
        failTransferFrom = fail;
    }

    function transfer(address to, uint256 value) public override returns (bool) {
        if (failTransfer) return false;
        return super.transfer(to, value);
    }

    function transferFrom(address from, address to, uint256 value) public override returns (bool) {
        if (failTransferFrom) return false;
        return super.transferFrom(from, to, value);
    }
}
