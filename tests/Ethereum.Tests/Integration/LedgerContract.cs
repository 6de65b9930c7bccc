using Photon.TestSupport;

namespace Photon.Ethereum.Tests.Integration;

/// <summary>
/// A small token-ish ledger compiled by solc in the tests: a constructor with arguments, a view
/// returning several values, a transfer emitting an event with indexed (address, string) and
/// non-indexed (uint256, string) inputs, every kind of revert (require with a reason, a custom
/// error with arguments, panics), and on-chain recovery of EIP-191 and EIP-712 signatures whose
/// digests Solidity computes itself from the type strings.
/// </summary>
internal static class LedgerContract
{
    public const string Name = "Ledger";

    /// <summary>The EIP-712 types of <c>Order</c>, exactly as the contract hashes them.</summary>
    public const string OrderType = "Order(Person buyer,uint256 amount,string memo,bytes payload,uint256[] ids)Person(address wallet,string name)";

    public const string Source = """
        // SPDX-License-Identifier: MIT
        pragma solidity ^0.8.20;

        /// A token-ish ledger for end-to-end tests of the Ethereum layer.
        contract Ledger {
            struct Person {
                address wallet;
                string name;
            }

            struct Order {
                Person buyer;
                uint256 amount;
                string memo;
                bytes payload;
                uint256[] ids;
            }

            error Insufficient(address account, uint256 available, uint256 required);

            event Transfer(address indexed from, address indexed to, string indexed tag, uint256 amount, string memo);

            bytes32 private constant DOMAIN_TYPEHASH =
                keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)");
            bytes32 private constant PERSON_TYPEHASH = keccak256("Person(address wallet,string name)");
            bytes32 private constant ORDER_TYPEHASH = keccak256(
                "Order(Person buyer,uint256 amount,string memo,bytes payload,uint256[] ids)Person(address wallet,string name)");

            string public name;
            uint256 public totalSupply;
            mapping(address => uint256) public balanceOf;
            uint256[] private amounts;

            constructor(string memory name_, uint256 supply) {
                name = name_;
                totalSupply = supply;
                balanceOf[msg.sender] = supply;
            }

            function info(address account) external view returns (string memory, uint256 supply, uint256 balance, uint256 transfers) {
                return (name, totalSupply, balanceOf[account], amounts.length);
            }

            function transfer(address to, uint256 amount, string calldata tag, string calldata memo) external returns (bool) {
                require(to != address(0), "Ledger: transfer to the zero address");
                uint256 available = balanceOf[msg.sender];
                if (available < amount) revert Insufficient(msg.sender, available, amount);
                balanceOf[msg.sender] = available - amount;
                balanceOf[to] += amount;
                amounts.push(amount);
                emit Transfer(msg.sender, to, tag, amount, memo);
                return true;
            }

            function share(uint256 amount, uint256 parts) external pure returns (uint256) {
                return amount / parts;
            }

            function transferAmount(uint256 index) external view returns (uint256) {
                return amounts[index];
            }

            function domainSeparator() public view returns (bytes32) {
                return keccak256(abi.encode(DOMAIN_TYPEHASH, keccak256(bytes(name)), keccak256("1"), block.chainid, address(this)));
            }

            function orderDigest(Order calldata order) public view returns (bytes32) {
                bytes32 buyer = keccak256(abi.encode(PERSON_TYPEHASH, order.buyer.wallet, keccak256(bytes(order.buyer.name))));
                bytes32 structHash = keccak256(abi.encode(
                    ORDER_TYPEHASH, buyer, order.amount, keccak256(bytes(order.memo)), keccak256(order.payload), keccak256(abi.encodePacked(order.ids))));
                return keccak256(abi.encodePacked("\x19\x01", domainSeparator(), structHash));
            }

            function orderSigner(Order calldata order, bytes calldata signature) external view returns (address) {
                return recover(orderDigest(order), signature);
            }

            function messageSigner(bytes calldata message, bytes calldata signature) external pure returns (address) {
                bytes32 digest = keccak256(abi.encodePacked("\x19Ethereum Signed Message:\n", decimal(message.length), message));
                return recover(digest, signature);
            }

            function recover(bytes32 digest, bytes calldata signature) private pure returns (address) {
                require(signature.length == 65, "Ledger: a signature has 65 bytes");
                return ecrecover(digest, uint8(signature[64]), bytes32(signature[0:32]), bytes32(signature[32:64]));
            }

            function decimal(uint256 value) private pure returns (bytes memory text) {
                uint256 digits = 1;
                for (uint256 v = value; v >= 10; v /= 10) digits++;
                text = new bytes(digits);
                for (uint256 i = digits; i > 0; value /= 10) text[--i] = bytes1(uint8(48 + value % 10));
            }
        }
        """;

    public static async Task<CompiledContract> CompileAsync() => (await SolidityCompiler.CompileAsync(Source, fileName: "Ledger.sol"))[Name];
}
