using System.Text.Json;
using System.Text.Json.Nodes;
using Photon.Ethereum.Crypto;

namespace Photon.Ethereum.Transactions;

/// <summary>
/// Transactions as JSON: the ethers <c>TransactionLike</c> shape as input (for example
/// <c>photon util sign-tx --file tx.json</c>), and the JSON-RPC transaction-call object as output
/// (<c>eth_call</c>, <c>eth_estimateGas</c>), which the parser also reads back.
/// </summary>
/// <remarks>
/// <para>Input fields: <c>type</c>, <c>chainId</c>, <c>nonce</c>, <c>to</c>, <c>gasLimit</c> (or <c>gas</c>),
/// <c>gasPrice</c>, <c>maxFeePerGas</c>, <c>maxPriorityFeePerGas</c>, <c>value</c>, <c>data</c> (or
/// <c>input</c>), <c>accessList</c> (<c>[{address, storageKeys}]</c>) and <c>from</c>. Any other field is
/// refused, so a misspelt field cannot silently drop a value; <c>null</c> counts as absent.</para>
/// <para>Integers follow <see cref="JsonInteger"/>: JSON numbers of plain digits up to 2⁵³ − 1, or
/// decimal or <c>0x</c>-hex strings.</para>
/// <para>The type is the explicit <c>type</c> (0, 1 or 2), else 2 when a max fee is given, else 1 when
/// an access list is given, else 0 (legacy, EIP-155). Contradictions are refused: <c>gasPrice</c>
/// with a max fee, max fees on type 0 or 1, an access list on type 0, <c>gasPrice</c> on type 2,
/// <c>maxPriorityFeePerGas</c> above <c>maxFeePerGas</c>. Required: <c>nonce</c>, <c>gasLimit</c>,
/// <c>chainId</c> (≥ 1) and the fees of the type. <c>to</c> absent or null creates a contract.</para>
/// </remarks>
public static class TransactionJson
{
    /// <summary>
    /// Parses one JSON transaction. Throws <see cref="TransactionFormatException"/> with a one-line
    /// reason, also for malformed JSON, a key given twice and nesting deeper than <see cref="JsonRead.MaxDepth"/>.
    /// </summary>
    public static TransactionRequest Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var root = JsonRead.Parse(json, static (message, inner) => TransactionJsonFields.Fail($"the transaction is {message}", inner));
        return Read(root);
    }

    /// <summary>Parses <paramref name="json"/> and signs it with <paramref name="key"/>, checking <c>from</c>.</summary>
    public static SignedTransaction Sign(string json, PrivateKey key) => Parse(json).Sign(key);

    /// <summary>
    /// The JSON-RPC transaction object: quantities as <c>0x</c> hex, <c>gas</c> and <c>data</c> as
    /// nodes name them, <c>to</c> omitted for a contract creation, <c>from</c> when given.
    /// <see cref="Parse"/> reads it back to the same transaction (except a pre-EIP-155 legacy
    /// transaction, whose missing chain id the parser refuses as user input).
    /// </summary>
    public static JsonObject ToRpcJson(Transaction transaction, Address? from = null)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var json = new JsonObject { ["type"] = Hex.Quantity((ulong)transaction.Type) };
        if (transaction.SignedChainId is { } chainId)
            json["chainId"] = Hex.Quantity(chainId);
        json["nonce"] = Hex.Quantity(transaction.Nonce);
        if (from is { } sender)
            json["from"] = sender.ToString();
        if (transaction.To is { } to)
            json["to"] = to.ToString();
        json["gas"] = Hex.Quantity(transaction.GasLimit);
        switch (transaction)
        {
            case LegacyTransaction legacy:
                json["gasPrice"] = legacy.GasPrice.ToHexString();
                break;
            case Eip2930Transaction accessList:
                json["gasPrice"] = accessList.GasPrice.ToHexString();
                break;
            case Eip1559Transaction dynamicFee:
                json["maxPriorityFeePerGas"] = dynamicFee.MaxPriorityFeePerGas.ToHexString();
                json["maxFeePerGas"] = dynamicFee.MaxFeePerGas.ToHexString();
                break;
        }
        json["value"] = transaction.Value.ToHexString();
        json["data"] = Hex.Encode(transaction.Data.Span);
        if (transaction is TypedTransaction typed)
        {
            json["accessList"] = new JsonArray([.. typed.AccessList.Select(static entry => (JsonNode)new JsonObject
            {
                ["address"] = entry.Address.ToString(),
                ["storageKeys"] = new JsonArray([.. entry.StorageKeys.Select(static key => (JsonNode)key.ToString())]),
            })]);
        }
        return json;
    }

    private static TransactionRequest Read(JsonElement root)
    {
        var fields = TransactionJsonFields.From(root);
        var explicitType = fields.Type();
        var hasGasPrice = fields.Has("gasPrice");
        var hasMaxFee = fields.Has("maxFeePerGas") || fields.Has("maxPriorityFeePerGas");
        if (hasGasPrice && hasMaxFee)
            throw Refuse("gasPrice cannot be combined with maxFeePerGas or maxPriorityFeePerGas: gasPrice prices a type 0 or 1 transaction, the max fees a type 2 one");
        var type = explicitType ?? (hasMaxFee ? TransactionType.DynamicFee : fields.Has("accessList") ? TransactionType.AccessList : TransactionType.Legacy);
        switch (type)
        {
            case TransactionType.Legacy when hasMaxFee:
                throw Refuse("a type 0 (legacy) transaction has no maxFeePerGas or maxPriorityFeePerGas; use type 2 for them");
            case TransactionType.Legacy when fields.Has("accessList"):
                throw Refuse("a type 0 (legacy) transaction has no accessList; use type 1 or 2 for one");
            case TransactionType.AccessList when hasMaxFee:
                throw Refuse("a type 1 (EIP-2930) transaction has no maxFeePerGas or maxPriorityFeePerGas; use type 2 for them");
            case TransactionType.DynamicFee when hasGasPrice:
                throw Refuse("a type 2 (EIP-1559) transaction has no gasPrice; give maxFeePerGas and maxPriorityFeePerGas");
        }

        var chainId = fields.UInt64("chainId") ?? throw Missing("chainId", "the id of the chain the signature is bound to (EIP-155)");
        if (chainId == 0)
            throw Refuse("transaction field 'chainId' must be at least 1 (chain id 0 names no chain)");
        var nonce = fields.UInt64("nonce") ?? throw Missing("nonce", "the sender's transaction count");
        var gasLimit = fields.Alias("gasLimit", "gas", fields.UInt64) ?? throw Missing("gasLimit", "or 'gas'");
        var to = fields.Address("to");
        var value = fields.UInt256("value") ?? UInt256.Zero;
        var data = fields.Alias("data", "input", fields.Bytes) ?? [];
        var from = fields.Address("from");

        Transaction transaction = type switch
        {
            TransactionType.Legacy => new LegacyTransaction
            {
                ChainId = chainId,
                Nonce = nonce,
                GasPrice = fields.UInt256("gasPrice") ?? throw Missing("gasPrice", "required for a type 0 transaction; for type 2 give maxFeePerGas and maxPriorityFeePerGas instead"),
                GasLimit = gasLimit,
                To = to,
                Value = value,
                Data = data,
            },
            TransactionType.AccessList => new Eip2930Transaction
            {
                ChainId = chainId,
                Nonce = nonce,
                GasPrice = fields.UInt256("gasPrice") ?? throw Missing("gasPrice", "required for a type 1 transaction"),
                GasLimit = gasLimit,
                To = to,
                Value = value,
                Data = data,
                AccessList = fields.AccessList("accessList") ?? [],
            },
            _ => DynamicFee(fields, chainId, nonce, gasLimit, to, value, data),
        };
        return new TransactionRequest(transaction, from);
    }

    private static Eip1559Transaction DynamicFee(
        TransactionJsonFields fields, ulong chainId, ulong nonce, ulong gasLimit, Address? to, UInt256 value, byte[] data)
    {
        var maxFee = fields.UInt256("maxFeePerGas") ?? throw Missing("maxFeePerGas", "a type 2 transaction needs maxFeePerGas and maxPriorityFeePerGas");
        var priorityFee = fields.UInt256("maxPriorityFeePerGas") ?? throw Missing("maxPriorityFeePerGas", "a type 2 transaction needs maxFeePerGas and maxPriorityFeePerGas");
        if (priorityFee > maxFee)
            throw Refuse($"maxPriorityFeePerGas {priorityFee} exceeds maxFeePerGas {maxFee}: no node would accept the transaction");
        return new Eip1559Transaction
        {
            ChainId = chainId,
            Nonce = nonce,
            MaxPriorityFeePerGas = priorityFee,
            MaxFeePerGas = maxFee,
            GasLimit = gasLimit,
            To = to,
            Value = value,
            Data = data,
            AccessList = fields.AccessList("accessList") ?? [],
        };
    }

    private static TransactionFormatException Missing(string field, string hint) =>
        new($"transaction field '{field}' is missing ({hint})");

    private static TransactionFormatException Refuse(string message) => new(message);
}
