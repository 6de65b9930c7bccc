using Photon.Ethereum.Crypto;
using Photon.Ethereum.Transactions;

namespace Photon.Ethereum.Tests.Transactions;

/// <summary>
/// JSON transactions in the ethers <c>TransactionLike</c> shape, as <c>photon util sign-tx</c> reads
/// them: the accepted spellings, type inference, defaults, the JSON-RPC output read back, and one
/// refusal per rule, each a single line that names the field.
/// </summary>
public class TransactionJsonTests
{
    private const string Eip155Raw = "0xf86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a76400008025a028ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276a067cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83";

    private static readonly PrivateKey Eip155Key = PrivateKey.Parse("0x4646464646464646464646464646464646464646464646464646464646464646");

    private static readonly Address Recipient = Address.Parse("0x3535353535353535353535353535353535353535");

    // Single quotes keep the JSON in test data readable.
    private static string J(string json) => json.Replace('\'', '"');

    private const string LegacyBase = "'chainId': 1, 'nonce': 9, 'gasPrice': '20000000000', 'gasLimit': 21000, 'to': '0x3535353535353535353535353535353535353535', 'value': '1000000000000000000'";

    private const string DynamicBase = "'chainId': 1, 'nonce': 9, 'maxFeePerGas': '20000000000', 'maxPriorityFeePerGas': '1000000000', 'gasLimit': 21000, 'to': '0x3535353535353535353535353535353535353535'";

    private static Transaction Parse(string json) => TransactionJson.Parse(J(json)).Transaction;

    private static TransactionFormatException Refused(string json, string expected)
    {
        var refusal = Assert.Throws<TransactionFormatException>(() => TransactionJson.Parse(J(json)));
        Assert.Contains(expected, refusal.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', refusal.Message);
        return refusal;
    }

    [Fact]
    public void Eip155_example_as_json_signs_to_the_raw_transaction_of_the_eip()
    {
        var signed = TransactionJson.Sign(J("{" + LegacyBase + "}"), Eip155Key);
        Assert.Equal(TransactionType.Legacy, signed.Type);
        Assert.Equal(Eip155Raw, signed.ToHex());
    }

    [Fact]
    public void Integers_may_be_json_numbers_decimal_strings_or_hex_strings()
    {
        var numbers = Parse("{'chainId': 1, 'nonce': 9, 'gasPrice': 20000000000, 'gasLimit': 21000, 'to': '0x3535353535353535353535353535353535353535', 'value': 1000000000}");
        var decimals = Parse("{'chainId': '1', 'nonce': '9', 'gasPrice': '20000000000', 'gasLimit': '21000', 'to': '0x3535353535353535353535353535353535353535', 'value': '1000000000'}");
        var hex = Parse("{'chainId': '0x1', 'nonce': '0x09', 'gasPrice': '0x4A817C800', 'gasLimit': '0x5208', 'to': '0x3535353535353535353535353535353535353535', 'value': '0x3B9ACA00'}");
        var expected = new LegacyTransaction
        {
            ChainId = 1, Nonce = 9, GasPrice = 20_000_000_000UL, GasLimit = 21000, To = Recipient, Value = 1_000_000_000UL,
        };
        Assert.Equal(expected, numbers);
        Assert.Equal(expected, decimals);
        Assert.Equal(expected, hex);
    }

    [Fact]
    public void Largest_safe_json_number_and_largest_values_as_strings_are_accepted()
    {
        var transaction = (Eip1559Transaction)Parse(
            "{'chainId': '18446744073709551615', 'nonce': 9007199254740991, 'maxFeePerGas': '0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff', 'maxPriorityFeePerGas': 0, 'gasLimit': '0xffffffffffffffff', 'value': '115792089237316195423570985008687907853269984665640564039457584007913129639935'}");
        Assert.Equal(ulong.MaxValue, transaction.ChainId);
        Assert.Equal(9007199254740991UL, transaction.Nonce);
        Assert.Equal(UInt256.MaxValue, transaction.MaxFeePerGas);
        Assert.Equal(ulong.MaxValue, transaction.GasLimit);
        Assert.Equal(UInt256.MaxValue, transaction.Value);
    }

    [Fact]
    public void Type_is_2_with_a_max_fee_1_with_an_access_list_and_a_gas_price_and_0_otherwise()
    {
        Assert.IsType<Eip1559Transaction>(Parse("{" + DynamicBase + "}"));
        Assert.IsType<Eip2930Transaction>(Parse("{" + LegacyBase + ", 'accessList': []}"));
        Assert.IsType<LegacyTransaction>(Parse("{" + LegacyBase + "}"));
        Refused("{'chainId': 1, 'nonce': 0, 'gasLimit': 21000, 'maxPriorityFeePerGas': 1}", "transaction field 'maxFeePerGas' is missing (a type 2 transaction needs maxFeePerGas and maxPriorityFeePerGas)");
    }

    [Theory]
    [InlineData("2")]
    [InlineData("'2'")]
    [InlineData("'0x2'")]
    [InlineData("'0x02'")]
    public void Explicit_type_may_be_a_number_or_a_string(string type) =>
        Assert.IsType<Eip1559Transaction>(Parse("{" + DynamicBase + ", 'type': " + type + "}"));

    [Fact]
    public void Explicit_types_0_and_1_are_honoured()
    {
        Assert.IsType<LegacyTransaction>(Parse("{" + LegacyBase + ", 'type': 0}"));
        var accessList = Assert.IsType<Eip2930Transaction>(Parse("{" + LegacyBase + ", 'type': 1}"));
        Assert.Empty(accessList.AccessList);
    }

    [Fact]
    public void Gas_and_input_are_accepted_for_gasLimit_and_data()
    {
        var transaction = Parse("{'chainId': 1, 'nonce': 9, 'gasPrice': 1, 'gas': '0x5208', 'input': '0xabcd'}");
        Assert.Equal(21000UL, transaction.GasLimit);
        Assert.Equal(new byte[] { 0xab, 0xcd }, transaction.Data.ToArray());
    }

    [Fact]
    public void Absent_or_null_to_creates_a_contract_and_value_data_and_access_list_default_to_empty()
    {
        var absent = (Eip1559Transaction)Parse("{'chainId': 1, 'nonce': 0, 'maxFeePerGas': 2, 'maxPriorityFeePerGas': 1, 'gasLimit': 100000}");
        var nulls = Parse("{'chainId': 1, 'nonce': 0, 'maxFeePerGas': 2, 'maxPriorityFeePerGas': 1, 'gasLimit': 100000, 'to': null, 'value': null, 'data': null, 'accessList': null, 'gasPrice': null, 'type': null, 'from': null}");
        Assert.True(absent.IsContractCreation);
        Assert.Equal(UInt256.Zero, absent.Value);
        Assert.True(absent.Data.IsEmpty);
        Assert.Empty(absent.AccessList);
        Assert.Equal(absent, nulls);
    }

    [Fact]
    public void Access_list_entries_are_read_in_order()
    {
        var transaction = (Eip1559Transaction)Parse("{" + DynamicBase + ", 'accessList': [" +
            "{'address': '0x3535353535353535353535353535353535353535', 'storageKeys': ['0x0000000000000000000000000000000000000000000000000000000000000001', '0x0000000000000000000000000000000000000000000000000000000000000000']}," +
            "{'storageKeys': [], 'address': '0x0000000000000000000000000000000000000001'}]}");
        Assert.Equal(2, transaction.AccessList.Count);
        Assert.Equal(Recipient, transaction.AccessList[0].Address);
        Assert.Equal([new Hash256(UInt256.One.ToBigEndian()), Hash256.Zero], transaction.AccessList[0].StorageKeys);
        Assert.Empty(transaction.AccessList[1].StorageKeys);
    }

    [Fact]
    public void From_equal_to_the_signer_is_accepted_in_any_case()
    {
        var lower = Eip155Key.Address.ToLowerHex();
        Assert.Equal(Eip155Raw, TransactionJson.Sign(J("{" + LegacyBase + ", 'from': '" + lower + "'}"), Eip155Key).ToHex());
        Assert.Equal(Eip155Raw, TransactionJson.Sign(J("{" + LegacyBase + ", 'from': '" + Eip155Key.Address + "'}"), Eip155Key).ToHex());
        Assert.Equal(Eip155Key.Address, TransactionJson.Parse(J("{" + LegacyBase + ", 'from': '" + lower + "'}")).From);
    }

    [Fact]
    public void From_that_is_not_the_signer_is_refused_when_signing()
    {
        var request = TransactionJson.Parse(J("{" + LegacyBase + ", 'from': '0x3535353535353535353535353535353535353535'}"));
        var refusal = Assert.Throws<TransactionFormatException>(() => request.Sign(Eip155Key));
        Assert.Contains($"'from' is {Recipient} but the private key's address is {Eip155Key.Address}", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rpc_json_of_the_eip155_example_has_the_node_field_names_and_hex_quantities()
    {
        var transaction = Parse("{" + LegacyBase + "}");
        Assert.Equal(
            J("{'type':'0x0','chainId':'0x1','nonce':'0x9','from':'0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F','to':'0x3535353535353535353535353535353535353535','gas':'0x5208','gasPrice':'0x4a817c800','value':'0xde0b6b3a7640000','data':'0x'}"),
            TransactionJson.ToRpcJson(transaction, Eip155Key.Address).ToJsonString());
    }

    [Fact]
    public void Rpc_json_reads_back_to_the_same_transaction_and_sender()
    {
        var random = new Random(2930);
        foreach (var type in new[] { TransactionType.Legacy, TransactionType.AccessList, TransactionType.DynamicFee })
        {
            for (var i = 0; i < 100; i++)
            {
                var transaction = RandomTransactions.Create(random, type);
                if (transaction is Eip1559Transaction { MaxPriorityFeePerGas: var tip, MaxFeePerGas: var cap } dynamicFee && tip > cap)
                    transaction = dynamicFee with { MaxPriorityFeePerGas = cap };
                var from = new Address(RandomTransactions.Bytes(random, Address.Length));
                var json = TransactionJson.ToRpcJson(transaction, from).ToJsonString();
                var read = TransactionJson.Parse(json);
                Assert.True(read.Transaction == transaction, $"{json} read back as {read.Transaction}");
                Assert.Equal(from, read.From);
            }
        }
    }

    [Fact]
    public void Rpc_json_omits_to_for_a_contract_creation()
    {
        var creation = Parse("{'chainId': 1, 'nonce': 0, 'gasPrice': 1, 'gasLimit': 100000, 'data': '0x6000'}");
        var json = TransactionJson.ToRpcJson(creation);
        Assert.False(json.ContainsKey("to"));
        Assert.False(json.ContainsKey("from"));
        Assert.Equal(creation, TransactionJson.Parse(json.ToJsonString()).Transaction);
    }

    public static TheoryData<string, string> Refusals => new()
    {
        // Not a JSON object.
        { "{'nonce': 1,", "the transaction is not valid JSON: Expected start of a property name or value, but instead reached end of data" },
        { "{'nonce': 1,}", "the transaction is not valid JSON: The JSON object contains a trailing comma" },
        { "[]", "a JSON transaction is an object" },
        { "'0xf86c'", "a JSON transaction is an object" },
        // Unknown and repeated fields.
        { "{" + LegacyBase + ", 'gasprice': 1}", "unknown transaction field 'gasprice' (did you mean 'gasPrice'?)" },
        { "{" + LegacyBase + ", 'gas_limit': 1}", "unknown transaction field 'gas_limit' (did you mean 'gasLimit'?)" },
        { "{" + LegacyBase + ", 'hash': '0x00'}", "unknown transaction field 'hash'; known: type, chainId, nonce" },
        { "{" + LegacyBase + ", 'v': '0x25'}", "unknown transaction field 'v'" },
        { "{" + LegacyBase + ", 'gas\\nPrice\\u001b[2J': 1}", "unknown transaction field 'gas\\u000aPrice\\u001b[2J'; known:" },
        { "{" + LegacyBase + ", 'nonce': 10}", "the transaction is not valid JSON: Duplicate property 'nonce'" },
        { "{" + LegacyBase + ", 'n\\u006fnce': 10}", "the transaction is not valid JSON: Duplicate property 'nonce'" },
        { "{" + LegacyBase + ", 'gas': 21000}", "transaction fields 'gasLimit' and 'gas' name the same value; give only one" },
        { "{" + LegacyBase + ", 'data': '0x', 'input': '0x'}", "transaction fields 'data' and 'input' name the same value; give only one" },
        // Integers: exact, non-negative, in range.
        { "{" + DynamicBase + ", 'value': 1.5}", "transaction field 'value': '1.5' is not an integer: use digits only" },
        { "{" + DynamicBase + ", 'value': 1e18}", "transaction field 'value': '1e18' is not an integer" },
        { "{" + DynamicBase + ", 'value': 1E3}", "transaction field 'value': '1E3' is not an integer" },
        { "{" + DynamicBase + ", 'value': 1.0}", "transaction field 'value': '1.0' is not an integer" },
        { "{" + DynamicBase + ", 'value': -1}", "transaction field 'value': '-1' is negative" },
        { "{" + DynamicBase + ", 'value': 9007199254740992}", "transaction field 'value': the JSON number 9007199254740992 is beyond 2^53 - 1" },
        { "{" + DynamicBase + ", 'value': 100000000000000000000}", "beyond 2^53 - 1, where JSON numbers lose precision; write it as a string" },
        { "{" + DynamicBase + ", 'value': '1.5'}", "transaction field 'value': '1.5' is not an integer" },
        { "{" + DynamicBase + ", 'value': '-1'}", "transaction field 'value': '-1' is negative" },
        { "{" + DynamicBase + ", 'value': '1e18'}", "transaction field 'value': '1e18' is not an integer" },
        { "{" + DynamicBase + ", 'value': ' 1'}", "transaction field 'value': ' 1' is not an integer" },
        { "{" + DynamicBase + ", 'value': ''}", "transaction field 'value': '' is not an integer" },
        { "{" + DynamicBase + ", 'value': '0x'}", "transaction field 'value': '0x' is not a hex integer" },
        { "{" + DynamicBase + ", 'value': '0xg1'}", "transaction field 'value': '0xg1' is not a hex integer" },
        { "{" + DynamicBase + ", 'value': '115792089237316195423570985008687907853269984665640564039457584007913129639936'}", "exceeds 2^256 - 1" },
        { "{" + DynamicBase + ", 'value': true}", "transaction field 'value': expected an integer (a JSON number or a decimal or 0x-hex string), got true" },
        { "{" + DynamicBase + ", 'value': [1]}", "transaction field 'value': expected an integer (a JSON number or a decimal or 0x-hex string), got array" },
        { "{'chainId': 1, 'nonce': '18446744073709551616', 'gasPrice': 1, 'gasLimit': 21000}", "transaction field 'nonce' is 18446744073709551616, beyond 2^64 - 1" },
        { "{'chainId': 1, 'nonce': 0, 'gasPrice': 1, 'gasLimit': '0x10000000000000000'}", "transaction field 'gasLimit' is 18446744073709551616, beyond 2^64 - 1" },
        { "{'chainId': '18446744073709551616', 'nonce': 0, 'gasPrice': 1, 'gasLimit': 21000}", "transaction field 'chainId' is 18446744073709551616, beyond 2^64 - 1" },
        // Types and the fees that go with them.
        { "{" + DynamicBase + ", 'type': 3}", "transaction type 3 is not supported (0 legacy, 1 EIP-2930, 2 EIP-1559)" },
        { "{" + DynamicBase + ", 'type': '0x4'}", "transaction type 4 is not supported" },
        { "{" + DynamicBase + ", 'type': 0}", "a type 0 (legacy) transaction has no maxFeePerGas or maxPriorityFeePerGas" },
        { "{" + LegacyBase + ", 'type': 0, 'maxPriorityFeePerGas': 1}", "gasPrice cannot be combined with maxFeePerGas or maxPriorityFeePerGas" },
        { "{" + LegacyBase + ", 'type': 0, 'accessList': []}", "a type 0 (legacy) transaction has no accessList; use type 1 or 2 for one" },
        { "{" + DynamicBase + ", 'type': 1}", "a type 1 (EIP-2930) transaction has no maxFeePerGas or maxPriorityFeePerGas" },
        { "{" + LegacyBase + ", 'type': 2}", "a type 2 (EIP-1559) transaction has no gasPrice; give maxFeePerGas and maxPriorityFeePerGas" },
        { "{" + LegacyBase + ", 'maxFeePerGas': 1}", "gasPrice cannot be combined with maxFeePerGas or maxPriorityFeePerGas" },
        { "{'chainId': 1, 'nonce': 0, 'gasLimit': 21000, 'maxFeePerGas': 1, 'maxPriorityFeePerGas': 2}", "maxPriorityFeePerGas 2 exceeds maxFeePerGas 1" },
        // Missing fields.
        { "{'chainId': 1, 'gasPrice': 1, 'gasLimit': 21000}", "transaction field 'nonce' is missing" },
        { "{'chainId': 1, 'nonce': null, 'gasPrice': 1, 'gasLimit': 21000}", "transaction field 'nonce' is missing" },
        { "{'chainId': 1, 'nonce': 0, 'gasPrice': 1}", "transaction field 'gasLimit' is missing (or 'gas')" },
        { "{'nonce': 0, 'gasPrice': 1, 'gasLimit': 21000}", "transaction field 'chainId' is missing" },
        { "{'chainId': 1, 'nonce': 0, 'gasLimit': 21000}", "transaction field 'gasPrice' is missing (required for a type 0 transaction" },
        { "{'chainId': 1, 'nonce': 0, 'gasLimit': 21000, 'type': 1}", "transaction field 'gasPrice' is missing (required for a type 1 transaction" },
        { "{'chainId': 1, 'nonce': 0, 'gasLimit': 21000, 'accessList': []}", "transaction field 'gasPrice' is missing" },
        { "{'chainId': 1, 'nonce': 0, 'gasLimit': 21000, 'type': 2, 'maxPriorityFeePerGas': 1}", "transaction field 'maxFeePerGas' is missing" },
        { "{'chainId': 1, 'nonce': 0, 'gasLimit': 21000, 'maxFeePerGas': 1}", "transaction field 'maxPriorityFeePerGas' is missing" },
        { "{'chainId': 0, 'nonce': 0, 'gasPrice': 1, 'gasLimit': 21000}", "transaction field 'chainId' must be at least 1" },
        // Bytes and addresses.
        { "{" + LegacyBase + ", 'data': 'abcd'}", "transaction field 'data': expected 0x-prefixed hex, got 'abcd'" },
        { "{" + LegacyBase + ", 'data': '0xabc'}", "transaction field 'data': hex text has an odd number of digits" },
        { "{" + LegacyBase + ", 'data': '0xzz'}", "transaction field 'data': '0xzz' is not hex" },
        { "{" + LegacyBase + ", 'data': 12}", "transaction field 'data' must be 0x-prefixed hex bytes, got the number 12" },
        { "{'chainId': 1, 'nonce': 0, 'gasPrice': 1, 'gasLimit': 21000, 'to': '0x3535353535353535353535353535353535353535ab'}", "transaction field 'to': expected 20 bytes of hex, got 21" },
        { "{'chainId': 1, 'nonce': 0, 'gasPrice': 1, 'gasLimit': 21000, 'to': ''}", "transaction field 'to': expected 20 bytes of hex, got 0" },
        { "{'chainId': 1, 'nonce': 0, 'gasPrice': 1, 'gasLimit': 21000, 'to': '0x9D8a62f656a8d1615C1294fd71e9CFb3E4855A4F'}", "transaction field 'to': '0x9D8a62f656a8d1615C1294fd71e9CFb3E4855A4F' has a wrong EIP-55 checksum" },
        { "{'chainId': 1, 'nonce': 0, 'gasPrice': 1, 'gasLimit': 21000, 'to': 1}", "transaction field 'to' must be a 0x-prefixed address string, got the number 1" },
        { "{" + LegacyBase + ", 'from': '0x1234'}", "transaction field 'from': expected 20 bytes of hex, got 2" },
        // Access lists.
        { "{" + DynamicBase + ", 'accessList': {}}", "transaction field 'accessList' must be an array of {\"address\", \"storageKeys\"}, got an object" },
        { "{" + DynamicBase + ", 'accessList': [['0x3535353535353535353535353535353535353535', []]]}", "accessList[0] must be an object {\"address\", \"storageKeys\"}, got an array" },
        { "{" + DynamicBase + ", 'accessList': [{'address': '0x3535353535353535353535353535353535353535', 'storageKeys': [], 'slots': []}]}", "unknown accessList[0] field 'slots'; known: address, storageKeys" },
        { "{" + DynamicBase + ", 'accessList': [{'address': '0x3535353535353535353535353535353535353535', 'storagekeys': []}]}", "unknown accessList[0] field 'storagekeys' (did you mean 'storageKeys'?)" },
        { "{" + DynamicBase + ", 'accessList': [{'address': '0x3535353535353535353535353535353535353535', 'address': '0x3535353535353535353535353535353535353535', 'storageKeys': []}]}", "the transaction is not valid JSON: Duplicate property 'address'" },
        { "{" + DynamicBase + ", 'accessList': [{'storageKeys': []}]}", "accessList[0] has no 'address'" },
        { "{" + DynamicBase + ", 'accessList': [{'address': '0x3535353535353535353535353535353535353535'}]}", "accessList[0] needs 'storageKeys', an array of 32-byte hex strings (may be empty)" },
        { "{" + DynamicBase + ", 'accessList': [{'address': '0x3535353535353535353535353535353535353535', 'storageKeys': []}, {'address': '0x35', 'storageKeys': []}]}", "accessList[1].address: expected 20 bytes of hex, got 1" },
        { "{" + DynamicBase + ", 'accessList': [{'address': '0x3535353535353535353535353535353535353535', 'storageKeys': ['0x01']}]}", "accessList[0].storageKeys[0]: expected 32 bytes of hex, got 1" },
        { "{" + DynamicBase + ", 'accessList': [{'address': '0x3535353535353535353535353535353535353535', 'storageKeys': [1]}]}", "accessList[0].storageKeys[0] must be a 32-byte hex string, got the number 1" },
    };

    public static TheoryData<string, string> LoneSurrogates => new()
    {
        { "{" + LegacyBase + ", 'data': '0x\\ud800'}", "the transaction is not valid JSON text: $.data holds a lone surrogate" },
        { "{'chainId': 1, 'nonce': 0, 'gasPrice': 1, 'gasLimit': 21000, 'to': '\\udc00'}", "the transaction is not valid JSON text: $.to holds a lone surrogate" },
        { "{" + LegacyBase + ", 'from': '0x\\ud800'}", "the transaction is not valid JSON text: $.from holds a lone surrogate" },
        { "{" + DynamicBase + ", 'value': '1\\ud800'}", "the transaction is not valid JSON text: $.value holds a lone surrogate" },
        { "{" + DynamicBase + ", 'accessList': [{'address': '\\ud800', 'storageKeys': []}]}", "the transaction is not valid JSON text: $.accessList[0].address holds a lone surrogate" },
        { "{" + DynamicBase + ", 'accessList': [{'address': '0x3535353535353535353535353535353535353535', 'storageKeys': ['\\ud800']}]}", "the transaction is not valid JSON text: $.accessList[0].storageKeys[0] holds a lone surrogate" },
        { "{" + LegacyBase + ", '\\ud800': 1}", "the transaction is not valid JSON text: a property name holds a lone surrogate" },
        { "{" + DynamicBase + ", 'accessList': [{'\\udc00': 1}]}", "the transaction is not valid JSON text: a property name holds a lone surrogate" },
    };

    [Theory]
    [MemberData(nameof(LoneSurrogates))]
    public void Refuses_lone_surrogates_as_a_format_exception_naming_the_field(string json, string expected) => Refused(json, expected);

    [Fact]
    public void Refuses_nesting_deeper_than_the_json_reader_allows() =>
        Refused("{" + DynamicBase + ", 'accessList': " + new string('[', 70) + new string(']', 70) + "}", "the transaction is not valid JSON: The maximum configured depth of 64 has been exceeded");

    [Theory]
    [InlineData("{'nonce': 1, 'nonce': 2}", "transaction field 'nonce' is given twice")]
    [InlineData("{'\\ud800': 1}", "a transaction field has a name that is not valid text (it holds a lone surrogate)")]
    public void Fields_refuse_duplicates_and_bad_names_also_in_elements_from_other_documents(string json, string expected)
    {
        // JsonDocument's defaults keep duplicate keys and leave names unchecked: the field reader refuses them itself.
        using var document = System.Text.Json.JsonDocument.Parse(J(json));
        var refusal = Assert.Throws<TransactionFormatException>(() => TransactionJsonFields.From(document.RootElement));
        Assert.Equal(expected, refusal.Message);
    }

    [Theory]
    [InlineData("[{'address': '0x3535353535353535353535353535353535353535', 'address': '0x3535353535353535353535353535353535353535', 'storageKeys': []}]", "accessList[0] field 'address' is given twice")]
    [InlineData("[{'address': '0x3535353535353535353535353535353535353535', 'storageKeys': [], 'storageKeys': []}]", "accessList[0] field 'storageKeys' is given twice")]
    [InlineData("[{'\\ud800': 1}]", "accessList[0] field has a name that is not valid text (it holds a lone surrogate)")]
    public void Access_list_entries_refuse_duplicates_and_bad_names_also_in_elements_from_other_documents(string accessList, string expected)
    {
        using var document = System.Text.Json.JsonDocument.Parse(J("{'accessList': " + accessList + "}"));
        var fields = TransactionJsonFields.From(document.RootElement);
        Assert.Equal(expected, Assert.Throws<TransactionFormatException>(() => fields.AccessList("accessList")).Message);
    }

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Refuses_with_a_one_line_message_naming_the_problem(string json, string expected) => Refused(json, expected);

    [Fact]
    public void Refusals_are_format_exceptions_a_cli_reports_as_one_line()
    {
        FormatException refusal = Refused("{'chainId': 1}", "transaction field 'nonce' is missing");
        Assert.StartsWith("transaction field", refusal.Message, StringComparison.Ordinal);
    }
}
