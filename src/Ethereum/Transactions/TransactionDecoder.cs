using Photon.Ethereum.Rlp;

namespace Photon.Ethereum.Transactions;

/// <summary>
/// Strict decoding of signed transactions. The RLP layer already refuses every non-canonical
/// encoding (and trailing bytes); here each field must also have its exact shape, and the
/// signature its one accepted form, so an accepted input re-encodes to the same bytes and has
/// one hash.
/// </summary>
internal static class TransactionDecoder
{
    private const int LegacyFieldCount = 9;
    private const int Eip2930FieldCount = 11;
    private const int Eip1559FieldCount = 12;

    public static SignedTransaction Decode(ReadOnlySpan<byte> raw)
    {
        if (raw.IsEmpty)
            throw new TransactionFormatException("a raw transaction is empty");
        var first = raw[0];
        return first switch
        {
            >= Rlp.Rlp.ListOffset => DecodeLegacy(Fields(raw, "legacy transaction", LegacyFieldCount)),
            (byte)TransactionType.AccessList => DecodeEip2930(Fields(raw[1..], "type-1 (EIP-2930) transaction", Eip2930FieldCount)),
            (byte)TransactionType.DynamicFee => DecodeEip1559(Fields(raw[1..], "type-2 (EIP-1559) transaction", Eip1559FieldCount)),
            < 0x80 => throw new TransactionFormatException(
                $"unsupported transaction type 0x{first:x2} (supported: legacy, 0x01 EIP-2930, 0x02 EIP-1559)"),
            _ => throw new TransactionFormatException(
                $"a raw transaction starts with a type byte below 0x80 or an RLP list; 0x{first:x2} starts an RLP string"),
        };
    }

    private static RlpList Fields(ReadOnlySpan<byte> encoded, string what, int count)
    {
        RlpItem item;
        try
        {
            item = Rlp.Rlp.Decode(encoded);
        }
        catch (RlpException e)
        {
            throw new TransactionFormatException($"{what}: {e.Message}", e);
        }
        if (item is not RlpList list)
            throw new TransactionFormatException($"{what}: expected an RLP list of fields, found a string");
        if (list.Count != count)
            throw new TransactionFormatException($"{what} has {count} RLP fields when signed, got {list.Count}");
        return list;
    }

    private static SignedTransaction DecodeLegacy(RlpList f)
    {
        const string what = "legacy transaction";
        var v = Read(f, 6, what, "v", static i => i.ToUInt256());
        ulong? chainId;
        int parity;
        if (v == 27 || v == 28)
        {
            chainId = null;
            parity = (int)(ulong)(v - 27);
        }
        else if (v >= 37)
        {
            var offset = v - 35;
            var chain = offset / 2;
            if (chain.BitLength > 64)
                throw new TransactionFormatException($"{what}: v {v} implies chain id {chain}, beyond 64 bits");
            chainId = (ulong)chain;
            parity = (int)(ulong)(offset % 2);
        }
        else
        {
            throw new TransactionFormatException(
                $"{what}: v {v} is neither 27/28 (before EIP-155) nor 2·chainId + 35 + parity with a chain id of at least 1");
        }
        var transaction = new LegacyTransaction
        {
            Nonce = Read(f, 0, what, "nonce", static i => i.ToUInt64()),
            GasPrice = Read(f, 1, what, "gasPrice", static i => i.ToUInt256()),
            GasLimit = Read(f, 2, what, "gasLimit", static i => i.ToUInt64()),
            To = Read(f, 3, what, "to", static i => i.ToOptionalAddress()),
            Value = Read(f, 4, what, "value", static i => i.ToUInt256()),
            Data = Read(f, 5, what, "data", static i => i.AsString().Memory),
            ChainId = chainId,
        };
        return Signed(transaction, f, 7, parity, what);
    }

    private static SignedTransaction DecodeEip2930(RlpList f)
    {
        const string what = "type-1 (EIP-2930) transaction";
        var transaction = new Eip2930Transaction
        {
            ChainId = Read(f, 0, what, "chainId", static i => i.ToUInt64()),
            Nonce = Read(f, 1, what, "nonce", static i => i.ToUInt64()),
            GasPrice = Read(f, 2, what, "gasPrice", static i => i.ToUInt256()),
            GasLimit = Read(f, 3, what, "gasLimit", static i => i.ToUInt64()),
            To = Read(f, 4, what, "to", static i => i.ToOptionalAddress()),
            Value = Read(f, 5, what, "value", static i => i.ToUInt256()),
            Data = Read(f, 6, what, "data", static i => i.AsString().Memory),
            AccessList = Read(f, 7, what, "accessList", ReadAccessList),
        };
        return Signed(transaction, f, 9, YParity(f[8], what), what);
    }

    private static SignedTransaction DecodeEip1559(RlpList f)
    {
        const string what = "type-2 (EIP-1559) transaction";
        var transaction = new Eip1559Transaction
        {
            ChainId = Read(f, 0, what, "chainId", static i => i.ToUInt64()),
            Nonce = Read(f, 1, what, "nonce", static i => i.ToUInt64()),
            MaxPriorityFeePerGas = Read(f, 2, what, "maxPriorityFeePerGas", static i => i.ToUInt256()),
            MaxFeePerGas = Read(f, 3, what, "maxFeePerGas", static i => i.ToUInt256()),
            GasLimit = Read(f, 4, what, "gasLimit", static i => i.ToUInt64()),
            To = Read(f, 5, what, "to", static i => i.ToOptionalAddress()),
            Value = Read(f, 6, what, "value", static i => i.ToUInt256()),
            Data = Read(f, 7, what, "data", static i => i.AsString().Memory),
            AccessList = Read(f, 8, what, "accessList", ReadAccessList),
        };
        return Signed(transaction, f, 10, YParity(f[9], what), what);
    }

    private static int YParity(RlpItem item, string what)
    {
        var parity = Read(item, what, "yParity", static i => i.ToUInt256());
        return parity <= 1
            ? (int)(ulong)parity
            : throw new TransactionFormatException($"{what}: yParity must be 0 or 1, got {parity}");
    }

    /// <summary>Reads r and s at <paramref name="rIndex"/> and pairs them with <paramref name="parity"/>.</summary>
    private static SignedTransaction Signed(Transaction transaction, RlpList f, int rIndex, int parity, string what)
    {
        var r = Read(f, rIndex, what, "r", static i => i.ToUInt256());
        var s = Read(f, rIndex + 1, what, "s", static i => i.ToUInt256());
        Signature signature;
        try
        {
            signature = Signature.FromRecoveryId(r, s, parity);
        }
        catch (InvalidSignatureException e)
        {
            throw new TransactionFormatException($"{what}: {e.Message}", e);
        }
        if (!signature.IsLowS)
            throw new TransactionFormatException($"{what}: signature s is in the upper half of the curve order (malleable; refused by EIP-2)");
        return new SignedTransaction(transaction, signature);
    }

    private static List<AccessListEntry> ReadAccessList(RlpItem item)
    {
        var entries = new List<AccessListEntry>();
        foreach (var entryItem in item.AsList())
        {
            var entry = entryItem.AsList().ExpectCount(2, "an access list entry [address, storageKeys]");
            var keys = entry[1].AsList().Select(static k => k.ToHash256());
            entries.Add(new AccessListEntry(entry[0].ToAddress(), keys));
        }
        return entries;
    }

    private static T Read<T>(RlpList fields, int index, string what, string field, Func<RlpItem, T> read) =>
        Read(fields[index], what, field, read);

    private static T Read<T>(RlpItem item, string what, string field, Func<RlpItem, T> read)
    {
        try
        {
            return read(item);
        }
        catch (RlpException e)
        {
            throw new TransactionFormatException($"{what} field '{field}': {e.Message}", e);
        }
    }
}
