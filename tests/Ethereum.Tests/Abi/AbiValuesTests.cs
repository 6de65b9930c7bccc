using System.Numerics;
using Photon.Ethereum.Abi;
using Photon.Ethereum.Crypto;

namespace Photon.Ethereum.Tests.Abi;

/// <summary>Decoded values and logs: value equality, and the typed accessors bindings read results with.</summary>
public class AbiValuesTests
{
    private static readonly Address Alice = Address.Parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
    private static readonly Address Bob = Address.Parse("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359");

    private static readonly AbiFunction Everything = AbiFunction.Parse(
        "function f() returns (uint8 small, uint256 big, int64 signed, address owner, bool flag, bytes32 tag, bytes16 half, bytes blob, string note, (uint8 a, bytes b)[] legs)");

    private static readonly UInt256 TwoTo64 = UInt256.Parse("18446744073709551616");

    private static AbiValues Decoded(UInt256? big = null, BigInteger? signed = null) => Everything.DecodeOutput(Everything.EncodeOutput(
        200, big ?? UInt256.Parse("1000000000000000000000"), signed ?? new BigInteger(-5), Alice, true, Keccak256.Hash("tag"),
        new byte[16], new byte[] { 1, 2, 3 }, "zwölf", new[] { new object[] { 1, new byte[] { 9 } } }));

    [Fact]
    public void Two_decodings_of_the_same_data_are_equal_with_equal_hash_codes()
    {
        var first = Decoded();
        var second = Decoded();
        Assert.NotSame(first, second);
        Assert.Equal(first, second);
        Assert.True(first == second);
        Assert.False(first != second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
    }

    [Fact]
    public void Values_that_differ_anywhere_are_not_equal()
    {
        var values = Decoded();
        Assert.NotEqual(values, Decoded(big: UInt256.One));
        Assert.NotEqual(values, Decoded(signed: BigInteger.One));
        var nested = values.ToArray();
        nested[9] = new object?[] { new object?[] { new UInt256(1), new byte[] { 8 } } };
        Assert.NotEqual(values, new AbiValues(values.Parameters, nested));
        var renamed = values.Parameters.Select(p => p.Name == "note" ? p with { Name = "memo" } : p).ToArray();
        Assert.NotEqual(values, new AbiValues(renamed, values.ToArray()));
        Assert.False(values.Equals(null));
        Assert.False(values == null);
    }

    [Fact]
    public void Values_are_a_copy_of_the_array_given()
    {
        var parameters = new[] { new AbiParameter("x", AbiType.UInt256) };
        var array = new object?[] { new UInt256(1) };
        var values = new AbiValues(parameters, array);
        array[0] = new UInt256(2);
        parameters[0] = new AbiParameter("y", AbiType.Bool);
        Assert.Equal(new UInt256(1), values["x"]);
        Assert.Equal(AbiType.UInt256, values.Parameters[0].Type);
    }

    [Fact]
    public void Decoded_events_of_one_abi_compare_by_value()
    {
        var abi = ContractAbi.Parse("""[{"type":"event","name":"Transfer","inputs":[{"name":"from","type":"address","indexed":true},{"name":"to","type":"address","indexed":true},{"name":"value","type":"uint256"}]}]""");
        var log = abi.Events[0].Encode(Alice, Bob, 1000);
        Assert.Equal(abi.DecodeLog(log.Topics, log.Data.Span), abi.DecodeLog(log.Topics, log.Data.Span));
        Assert.NotEqual(abi.DecodeLog(log.Topics, log.Data.Span), abi.DecodeLog(abi.Events[0].Encode(Alice, Bob, 1001).Topics, abi.Events[0].Encode(Alice, Bob, 1001).Data.Span));
    }

    [Fact]
    public void Logs_with_the_same_topics_and_data_are_equal()
    {
        var transfer = AbiEvent.Parse("event Transfer(address indexed from, address indexed to, uint256 value)");
        var first = transfer.Encode(Alice, Bob, 1000);
        var second = transfer.Encode(Alice, Bob, 1000);
        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.Equal(first, new AbiLog([.. first.Topics], first.Data.ToArray()));
        Assert.NotEqual(first, transfer.Encode(Alice, Bob, 1001));
        Assert.NotEqual(first, transfer.Encode(Bob, Alice, 1000));
        Assert.NotEqual(first, first with { Topics = [.. first.Topics.Take(2)] });
    }

    [Fact]
    public void Logs_copy_their_topics_and_data()
    {
        var topics = new List<Hash256> { Keccak256.Hash("a") };
        var data = new byte[] { 1, 2 };
        var log = new AbiLog(topics, data);
        topics.Add(Keccak256.Hash("b"));
        data[0] = 9;
        Assert.Equal(new AbiLog([Keccak256.Hash("a")], new byte[] { 1, 2 }), log);
        Assert.Throws<NotSupportedException>(() => ((IList<Hash256>)log.Topics)[0] = Hash256.Zero);
        Assert.Equal($"AbiLog {{ Topics = [{Keccak256.Hash("a")}], Data = 0x0102 }}", log.ToString());
    }

    [Fact]
    public void Integers_read_as_any_dotnet_integer_they_fit()
    {
        var values = Decoded();
        // uint8 decodes to UInt256; the accessors convert.
        Assert.Equal(200, values.GetInt32("small"));
        Assert.Equal(200L, values.GetInt64(0));
        Assert.Equal(200UL, values.GetUInt64("small"));
        Assert.Equal(new UInt256(200), values.GetUInt256("small"));
        Assert.Equal(new BigInteger(200), values.GetBigInteger("small"));
        Assert.Equal(UInt256.Parse("1000000000000000000000"), values.GetUInt256("big"));
        // int64 decodes to BigInteger.
        Assert.Equal(-5L, values.GetInt64("signed"));
        Assert.Equal(-5, values.GetInt32("signed"));
        Assert.Equal(new BigInteger(-5), values.GetBigInteger(2));
        // Get<T> goes through the same conversions.
        Assert.Equal(200, values.Get<int>("small"));
        Assert.Equal(200UL, values.Get<ulong>(0));
        Assert.Equal(new BigInteger(-5), values.Get<BigInteger>("signed"));
    }

    [Fact]
    public void Integers_at_the_edges_of_the_requested_width_are_read_exactly()
    {
        var values = Decoded(big: UInt256.FromBigInteger(ulong.MaxValue), signed: long.MinValue);
        Assert.Equal(ulong.MaxValue, values.GetUInt64("big"));
        Assert.Equal(long.MinValue, values.GetInt64("signed"));
        var maxed = Decoded(big: UInt256.MaxValue);
        Assert.Equal(UInt256.MaxValue, maxed.GetUInt256("big"));
    }

    [Fact]
    public void An_integer_that_does_not_fit_is_an_AbiException_naming_the_value()
    {
        var values = Decoded(big: TwoTo64, signed: new BigInteger(int.MinValue) - 1);
        var error = Assert.Throws<AbiException>(() => values.GetUInt64("big"));
        Assert.Equal("'big' (uint256) is 18446744073709551616, which does not fit in a ulong", error.Message);
        Assert.Equal("'big' (uint256) is 18446744073709551616, which does not fit in a long", Assert.Throws<AbiException>(() => values.GetInt64("big")).Message);
        Assert.Equal("'signed' (int64) is -2147483649, which does not fit in an int", Assert.Throws<AbiException>(() => values.GetInt32("signed")).Message);
        Assert.Equal("'signed' (int64) is -2147483649, which does not fit in a UInt256", Assert.Throws<AbiException>(() => values.GetUInt256("signed")).Message);
        Assert.Equal("'signed' (int64) is -2147483649, which does not fit in a ulong", Assert.Throws<AbiException>(() => values.Get<ulong>("signed")).Message);
    }

    [Fact]
    public void Address_bool_string_and_bytes_read_as_themselves()
    {
        var values = Decoded();
        Assert.Equal(Alice, values.GetAddress("owner"));
        Assert.True(values.GetBool("flag"));
        Assert.Equal("zwölf", values.GetString("note"));
        Assert.Equal(new byte[] { 1, 2, 3 }, values.GetBytes("blob"));
        Assert.Equal(new byte[16], values.GetBytes("half"));
        Assert.Equal(Keccak256.Hash("tag").ToArray(), values.GetBytes("tag"));
        Assert.Equal(Alice, values.Get<Address>(3));
        Assert.Equal("zwölf", values.Get<string>("note"));
    }

    [Fact]
    public void Bytes_are_a_copy_so_the_values_stay_unchanged()
    {
        var values = Decoded();
        values.GetBytes("blob")[0] = 0xff;
        values.Get<byte[]>("blob")[1] = 0xff;
        Assert.Equal(new byte[] { 1, 2, 3 }, values.GetBytes("blob"));
        Assert.Equal(Decoded(), values);
    }

    [Fact]
    public void Bytes32_reads_as_a_Hash256_and_no_other_bytes_do()
    {
        var values = Decoded();
        Assert.Equal(Keccak256.Hash("tag"), values.GetHash256("tag"));
        Assert.Equal(Keccak256.Hash("tag"), values.Get<Hash256>(5));
        var error = Assert.Throws<InvalidCastException>(() => values.GetHash256("half"));
        Assert.StartsWith("'half' (bytes16) is Byte[] ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("which cannot be read as a Hash256 (only bytes32 and hashed indexed event inputs are)", error.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidCastException>(() => values.GetHash256("blob"));
    }

    [Theory]
    [InlineData("owner", "an integer")]
    [InlineData("note", "an integer")]
    [InlineData("small", "an Address")]
    [InlineData("owner", "a bool")]
    [InlineData("flag", "a string")]
    [InlineData("small", "bytes")]
    [InlineData("legs", "bytes")]
    public void Asking_for_a_type_the_parameter_never_has_is_an_InvalidCastException(string name, string asked)
    {
        var values = Decoded();
        Func<object> read = asked switch
        {
            "an integer" => () => values.GetUInt256(name),
            "an Address" => () => values.GetAddress(name),
            "a bool" => () => values.GetBool(name),
            "a string" => () => values.GetString(name),
            _ => () => values.GetBytes(name),
        };
        var error = Assert.Throws<InvalidCastException>(read);
        Assert.StartsWith($"'{name}' ({values.Parameters[values.IndexOf(name)].Type}) is ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith($"which cannot be read as {asked}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Indexed_hashed_inputs_read_only_as_their_Hash256()
    {
        var e = AbiEvent.Parse("event Note(string indexed topic, bytes indexed blob, uint8 indexed n, string text)");
        var log = e.Encode("hello", new byte[] { 1 }, 7, "plain");
        var values = e.Decode(log.Topics, log.Data.Span);
        Assert.Equal(Keccak256.Hash("hello"), values.GetHash256("topic"));
        Assert.Equal(Keccak256.Hash([1]), values.Get<Hash256>("blob"));
        Assert.Equal(7, values.GetInt32("n"));
        Assert.Equal("plain", values.GetString("text"));
        var error = Assert.Throws<InvalidCastException>(() => values.GetString("topic"));
        Assert.EndsWith("cannot be read as a string; an indexed string input is only a keccak256 hash in the log; read it with GetHash256", error.Message, StringComparison.Ordinal);
        Assert.Contains("an indexed bytes input is only a keccak256 hash", Assert.Throws<InvalidCastException>(() => values.GetBytes("blob")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unnamed_values_are_described_by_position()
    {
        var f = AbiFunction.Parse("f() returns (uint256, address)");
        var values = f.DecodeOutput(f.EncodeOutput(TwoTo64, Alice));
        Assert.Equal("value 0 (uint256) is 18446744073709551616, which does not fit in a ulong", Assert.Throws<AbiException>(() => values.GetUInt64(0)).Message);
        Assert.StartsWith("value 1 (address) is Address ", Assert.Throws<InvalidCastException>(() => values.GetUInt256(1)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_names_and_indexes_out_of_range_are_refused()
    {
        var values = Decoded();
        Assert.Contains("no value is named 'nope'", Assert.Throws<KeyNotFoundException>(() => values.GetUInt256("nope")).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => values.GetUInt256(10));
        Assert.Throws<ArgumentOutOfRangeException>(() => values.GetAddress(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => values.Get<object?[]>(10));
    }

    [Fact]
    public void Other_types_are_read_by_a_plain_cast()
    {
        var values = Decoded();
        var legs = values.Get<object?[]>("legs");
        AbiAssert.Equal(new object?[] { new object?[] { new UInt256(1), new byte[] { 9 } } }, legs);
        Assert.Throws<InvalidCastException>(() => values.Get<object?[]>("note"));
    }

    [Fact]
    public void To_string_shows_the_values_by_name()
    {
        var f = AbiFunction.Parse("f() returns (uint8 n, bytes b, string s, (bool, address)[] list)");
        var values = f.DecodeOutput(f.EncodeOutput(5, new byte[] { 0xab }, "a\nb", new[] { new object[] { true, Alice } }));
        Assert.Equal($"(n: 5, b: 0xab, s: \"a\\u000ab\", list: [[True, {Alice}]])", values.ToString());
    }
}
