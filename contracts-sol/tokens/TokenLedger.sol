// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

/// @notice The bookkeeping every test token shares: balances, allowances, the ERC20 events and
/// views, and a `mint` anyone may call. Abstract because the public transfer functions differ
/// between tokens (some return bool, NoReturnToken returns nothing), so each token adds its own.
/// @dev Test and development only: unrestricted minting makes these tokens worthless by design.
abstract contract TokenLedger {
    /// @notice Marks the conventional unlimited approval: it is never decremented by transferFrom.
    uint256 internal constant UNLIMITED_ALLOWANCE = type(uint256).max;

    string public name;
    string public symbol;
    uint8 public constant decimals = 18;
    uint256 public totalSupply;
    mapping(address account => uint256) public balanceOf;
    mapping(address owner => mapping(address spender => uint256)) public allowance;

    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);

    // Errors in the style of ERC-6093, so a failed transfer says why.
    error InsufficientBalance(address sender, uint256 balance, uint256 needed);
    error InsufficientAllowance(address spender, uint256 allowance, uint256 needed);
    error InvalidReceiver(address receiver);

    constructor(string memory name_, string memory symbol_) {
        name = name_;
        symbol = symbol_;
    }

    /// @notice Creates `amount` new tokens for `to`; callable by anyone (test token).
    function mint(address to, uint256 amount) external {
        if (to == address(0)) revert InvalidReceiver(to);
        totalSupply += amount;
        balanceOf[to] += amount;
        emit Transfer(address(0), to, amount);
    }

    /// @dev Moves `value` from `from` to `to`; overridden by tokens that alter what arrives.
    function _transfer(address from, address to, uint256 value) internal virtual {
        if (to == address(0)) revert InvalidReceiver(to);
        uint256 balance = balanceOf[from];
        if (balance < value) revert InsufficientBalance(from, balance, value);
        unchecked {
            // balance >= value was checked; the sum of all balances is totalSupply, so no overflow.
            balanceOf[from] = balance - value;
            balanceOf[to] += value;
        }
        emit Transfer(from, to, value);
    }

    /// @dev Destroys `value` of `from`'s tokens (the fee of FeeOnTransferToken).
    function _burn(address from, uint256 value) internal {
        uint256 balance = balanceOf[from];
        if (balance < value) revert InsufficientBalance(from, balance, value);
        unchecked {
            // balance >= value and totalSupply >= balance.
            balanceOf[from] = balance - value;
            totalSupply -= value;
        }
        emit Transfer(from, address(0), value);
    }

    function _approve(address owner, address spender, uint256 value) internal {
        allowance[owner][spender] = value;
        emit Approval(owner, spender, value);
    }

    /// @dev Uses up `value` of what `owner` allowed `spender`; an unlimited allowance stays unlimited.
    function _spendAllowance(address owner, address spender, uint256 value) internal {
        uint256 allowed = allowance[owner][spender];
        if (allowed == UNLIMITED_ALLOWANCE) return;
        if (allowed < value) revert InsufficientAllowance(spender, allowed, value);
        unchecked {
            allowance[owner][spender] = allowed - value;
        }
    }
}
