using System.Numerics;
using System.Text;
using Photon.Ethereum.Abi;

namespace Photon.Ethereum.Tests.Abi;

/// <summary>Seeded random ABI types and canonical values (the forms the decoder returns).</summary>
internal sealed class AbiRandom(int seed)
{
    private static readonly string[] Texts =
        ["", "a", "hello", "héllo wörld", "漢字かな", "emoji 🚀🌍", "ñ", "\u0000zero", "tab\tnewline\n", new string('x', 40), "Ω≈ç√∫"];

    private readonly Random _random = new(seed);

    public Random Random => _random;

    public AbiType Type(int depth = 0)
    {
        var roll = _random.Next(depth >= 3 ? 9 : 13);
        return roll switch
        {
            0 => AbiType.UInt(8 * _random.Next(1, 33)),
            1 => AbiType.Int(8 * _random.Next(1, 33)),
            2 => AbiType.Address,
            3 => AbiType.Bool,
            4 => AbiType.FixedBytes(_random.Next(1, 33)),
            5 => AbiType.Bytes,
            6 => AbiType.String,
            7 => AbiType.UInt256,
            8 => AbiType.Int(8 * _random.Next(1, 5)),
            9 or 10 => AbiType.ArrayOf(Type(depth + 1)),
            11 => AbiType.FixedArrayOf(Type(depth + 1), _random.Next(1, 4)),
            _ => AbiType.Tuple(Enumerable.Range(0, _random.Next(1, 5)).Select(_ => Type(depth + 1)).ToArray()),
        };
    }

    public object? Value(AbiType type) => type switch
    {
        AbiUIntType u => Unsigned(u.Bits),
        AbiIntType i => Signed(i.Bits),
        AbiAddressType => new Address(Bytes(20)),
        AbiBoolType => _random.Next(2) == 1,
        AbiFixedBytesType f => Bytes(f.Size),
        AbiBytesType => Bytes(_random.Next(4) == 0 ? _random.Next(33, 100) : _random.Next(0, 33)),
        AbiStringType => Text(),
        AbiArrayType a => Enumerable.Range(0, _random.Next(0, 4)).Select(_ => Value(a.Element)).ToArray(),
        AbiFixedArrayType f => Enumerable.Range(0, f.Length).Select(_ => Value(f.Element)).ToArray(),
        AbiTupleType t => t.Components.Select(c => Value(c.Type)).ToArray(),
        _ => throw new InvalidOperationException(type.ToString()),
    };

    public UInt256 Unsigned(int bits)
    {
        var max = (BigInteger.One << bits) - 1;
        return _random.Next(6) switch
        {
            0 => UInt256.Zero,
            1 => UInt256.FromBigInteger(max),
            2 => UInt256.FromBigInteger(_random.Next(0, 256) & max),
            _ => UInt256.FromBigInteger(RandomBits(_random.Next(1, bits + 1))),
        };
    }

    public BigInteger Signed(int bits)
    {
        var limit = BigInteger.One << (bits - 1);
        return _random.Next(7) switch
        {
            0 => BigInteger.Zero,
            1 => limit - 1,
            2 => -limit,
            3 => BigInteger.MinusOne,
            _ => (_random.Next(2) == 0 ? BigInteger.MinusOne : BigInteger.One) * RandomBits(_random.Next(1, bits)),
        };
    }

    public byte[] Bytes(int length)
    {
        var bytes = new byte[length];
        _random.NextBytes(bytes);
        return bytes;
    }

    public string Text()
    {
        var builder = new StringBuilder();
        for (var i = _random.Next(0, 3); i >= 0; i--)
            builder.Append(Texts[_random.Next(Texts.Length)]);
        return builder.ToString();
    }

    private BigInteger RandomBits(int bits)
    {
        var bytes = Bytes((bits + 7) / 8 + 1);
        var value = new BigInteger(bytes, isUnsigned: true);
        return value & ((BigInteger.One << bits) - 1);
    }
}
