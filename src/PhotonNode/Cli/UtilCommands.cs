using System.CommandLine;
using System.Text.Json.Nodes;
using Photon.Ethereum;
using Photon.Ethereum.Abi;
using Photon.Ethereum.Crypto;
using Photon.Ethereum.Eip712;
using Photon.Ethereum.Transactions;

namespace Photon.Node.Cli;

/// <summary><c>photon util …</c>: developer utilities for scripting against a chain.</summary>
internal static class UtilCommands
{
    public static Command Create()
    {
        var util = new Command("util", "Developer utilities: hashing, keys, ABI, typed data, transactions, keystores.");
        util.Subcommands.Add(Keccak());
        util.Subcommands.Add(AddressOf());
        util.Subcommands.Add(SignTypedData());
        util.Subcommands.Add(AbiEncode());
        util.Subcommands.Add(SignTx());
        util.Subcommands.Add(KeystoreCommands.Create());
        return util;
    }

    internal static Option<string> PrivateKeyOption() =>
        new("--private-key") { Description = "secp256k1 private key, 0x + 64 hex digits (development use: it shows in the process list)", Required = true };

    private static Command Keccak()
    {
        var data = new Argument<string>("data") { Description = "0x-prefixed hex bytes to hash" };
        var command = new Command("keccak", "Keccak-256 of hex bytes.") { data };
        command.SetAction(parse => CliOutcome.Run(parse, () => Keccak256.Hash(Hex.Decode(parse.GetValue(data)!)).ToString()));
        return command;
    }

    private static Command AddressOf()
    {
        var key = PrivateKeyOption();
        var command = new Command("address", "The EIP-55 address of a private key.") { key };
        command.SetAction(parse => CliOutcome.Run(parse, () =>
        {
            using var privateKey = PrivateKey.Parse(parse.GetValue(key)!);
            return privateKey.Address.ToString();
        }));
        return command;
    }

    private static Command SignTypedData()
    {
        var key = PrivateKeyOption();
        var file = new Option<string>("--file") { Description = "typed data in the eth_signTypedData_v4 shape: types, primaryType, domain, message", Required = true };
        var command = new Command("sign-typed-data", "EIP-712 digest and signature of typed data, as JSON {hash, signature}.") { key, file };
        command.SetAction(parse => CliOutcome.Run(parse, () =>
        {
            var data = TypedData.Parse(CliInput.ReadFile(parse.GetValue(file)!, "typed data file"));
            using var privateKey = PrivateKey.Parse(parse.GetValue(key)!);
            var hash = data.Hash();
            return new JsonObject { ["hash"] = hash.ToString(), ["signature"] = privateKey.Sign(hash).ToString() }.ToJsonString();
        }));
        return command;
    }

    private static Command SignTx()
    {
        var key = PrivateKeyOption();
        var file = new Option<string>("--file") { Description = "transaction JSON in the ethers shape (to, nonce, gasLimit, gasPrice | maxFeePerGas + maxPriorityFeePerGas, value, data, chainId, accessList, type)", Required = true };
        var command = new Command("sign-tx", "Sign a transaction; prints the raw signed transaction (type 2 when maxFeePerGas is given, else legacy EIP-155).") { key, file };
        command.SetAction(parse => CliOutcome.Run(parse, () =>
        {
            var json = CliInput.ReadFile(parse.GetValue(file)!, "transaction file");
            using var privateKey = PrivateKey.Parse(parse.GetValue(key)!);
            return TransactionJson.Sign(json, privateKey).ToHex();
        }));
        return command;
    }

    private static Command AbiEncode()
    {
        var types = new Option<string>("--types") { Description = "JSON array of ABI type strings, e.g. '[\"uint256\",\"(address,bytes)[]\"]'", Required = true };
        var values = new Option<string>("--values") { Description = "JSON array with one value per type (integers as numbers or strings, bytes as 0x hex, tuples as arrays)", Required = true };
        var command = new Command("abi-encode", "Solidity ABI encoding (abi.encode) of values.") { types, values };
        command.SetAction(parse => CliOutcome.Run(parse, () =>
        {
            var abiTypes = AbiJson.ToTypes(CliInput.ParseJson(parse.GetValue(types)!, "--types"));
            var abiValues = AbiJson.ToValues(abiTypes, CliInput.ParseJson(parse.GetValue(values)!, "--values"));
            return Hex.Encode(AbiCodec.Encode(abiTypes, abiValues));
        }));
        return command;
    }
}
