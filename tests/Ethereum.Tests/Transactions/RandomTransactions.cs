using Photon.Ethereum.Transactions;

namespace Photon.Ethereum.Tests.Transactions;

/// <summary>
/// Seeded random transactions that lean on the edges of the encoding: zero (the empty RLP string),
/// one-byte values below and above 0x80, 55/56-byte data (short and long RLP forms), data past 256
/// bytes (two-byte lengths), the largest uint256, contract creation, access lists of 0..3 entries
/// with 0..3 keys, and chain ids from 1 to 2⁶⁴ − 1 (legacy v beyond 64 bits).
/// </summary>
internal static class RandomTransactions
{
    /// <summary>ethers holds nonces in a JavaScript number, so cross-checked nonces stay below 2⁵³.</summary>
    public const ulong MaxEthersNonce = (1UL << 53) - 1;

    public static Transaction Create(Random random, TransactionType type, ulong maxNonce = ulong.MaxValue) => type switch
    {
        TransactionType.Legacy => new LegacyTransaction
        {
            ChainId = ChainId(random),
            Nonce = Nonce(random, maxNonce),
            GasPrice = Amount(random),
            GasLimit = GasLimit(random),
            To = To(random),
            Value = Amount(random),
            Data = Data(random),
        },
        TransactionType.AccessList => new Eip2930Transaction
        {
            ChainId = ChainId(random),
            Nonce = Nonce(random, maxNonce),
            GasPrice = Amount(random),
            GasLimit = GasLimit(random),
            To = To(random),
            Value = Amount(random),
            Data = Data(random),
            AccessList = AccessList(random),
        },
        _ => DynamicFee(random, maxNonce),
    };

    private static Eip1559Transaction DynamicFee(Random random, ulong maxNonce)
    {
        var maxFee = Amount(random);
        // ethers (like every node) refuses a priority fee above the fee cap.
        var priorityFee = random.Next(4) switch
        {
            0 => UInt256.Zero,
            1 => maxFee,
            _ => maxFee.IsZero ? UInt256.Zero : Amount(random) % maxFee,
        };
        return new Eip1559Transaction
        {
            ChainId = ChainId(random),
            Nonce = Nonce(random, maxNonce),
            MaxPriorityFeePerGas = priorityFee,
            MaxFeePerGas = maxFee,
            GasLimit = GasLimit(random),
            To = To(random),
            Value = Amount(random),
            Data = Data(random),
            AccessList = AccessList(random),
        };
    }

    public static ulong ChainId(Random random) => random.Next(7) switch
    {
        0 => 1,
        1 => 31337,
        2 => 127,
        3 => (1UL << 32) + (ulong)random.Next(1000),
        4 => ulong.MaxValue,
        5 => ulong.MaxValue / 2 - 17,
        _ => 1 + (ulong)random.NextInt64(long.MaxValue) * 2,
    };

    public static ulong Nonce(Random random, ulong max) => random.Next(5) switch
    {
        0 => 0,
        1 => 0x7f,
        2 => 0x80,
        3 => max,
        _ => (ulong)random.NextInt64(long.MaxValue) % max,
    };

    public static ulong GasLimit(Random random) => random.Next(4) switch
    {
        0 => 0,
        1 => 21000,
        2 => ulong.MaxValue,
        _ => (ulong)random.NextInt64(long.MaxValue),
    };

    public static UInt256 Amount(Random random) => random.Next(6) switch
    {
        0 => UInt256.Zero,
        1 => UInt256.MaxValue,
        2 => (ulong)random.Next(1, 0x80),
        3 => (ulong)random.Next(0x80, 0x100),
        _ => RandomBits(random, random.Next(1, 257)),
    };

    public static Address? To(Random random) => random.Next(5) switch
    {
        0 => null,
        1 => Address.Zero,
        _ => new Address(Bytes(random, Address.Length)),
    };

    public static byte[] Data(Random random) => random.Next(9) switch
    {
        0 => [],
        1 => [(byte)random.Next(0x80)],
        2 => [(byte)random.Next(0x80, 0x100)],
        3 => Bytes(random, 55),
        4 => Bytes(random, 56),
        5 => Bytes(random, random.Next(257, 1200)),
        _ => Bytes(random, random.Next(0, 200)),
    };

    public static List<AccessListEntry> AccessList(Random random)
    {
        var entries = new List<AccessListEntry>();
        for (var i = random.Next(4); i > 0; i--)
        {
            var keys = new List<Hash256>();
            for (var k = random.Next(4); k > 0; k--)
                keys.Add(random.Next(5) == 0 ? Hash256.Zero : new Hash256(Bytes(random, Hash256.Length)));
            entries.Add(new AccessListEntry(new Address(Bytes(random, Address.Length)), keys));
        }
        return entries;
    }

    public static byte[] Bytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static UInt256 RandomBits(Random random, int bits)
    {
        var bytes = Bytes(random, (bits + 7) / 8);
        // Keep `bits` bits and set the highest so the value really has that length.
        var topBits = bits - 8 * (bytes.Length - 1);
        bytes[0] = (byte)((bytes[0] & ((1 << topBits) - 1)) | (1 << (topBits - 1)));
        return UInt256.FromBigEndian(bytes);
    }
}
