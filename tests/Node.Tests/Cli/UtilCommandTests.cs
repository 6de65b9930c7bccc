using System.Text.Json;

namespace Photon.Node.Tests.Cli;

public class UtilCommandTests
{
    private const string Key = "0x4646464646464646464646464646464646464646464646464646464646464646";

    [Fact]
    public void Keccak_prints_the_hash_of_hex_bytes() =>
        Assert.Equal("0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470", CliRun.Of("util", "keccak", "0x").AssertSucceeded().Output);

    [Fact]
    public void Address_prints_the_checksummed_address_of_a_key() =>
        // The EIP-155 example key.
        Assert.Equal("0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F", CliRun.Of("util", "address", "--private-key", Key).AssertSucceeded().Output);

    [Fact]
    public void Abi_encode_prints_the_encoding()
    {
        var run = CliRun.Of("util", "abi-encode", "--types", "[\"uint32\",\"bool\"]", "--values", "[69, true]").AssertSucceeded();
        // baz(uint32,bool) arguments from the Solidity ABI specification.
        Assert.Equal("0x" + "0000000000000000000000000000000000000000000000000000000000000045" + "0000000000000000000000000000000000000000000000000000000000000001", run.Output);
    }

    [Fact]
    public void Sign_typed_data_prints_hash_and_signature()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, """
                {"types":{"Person":[{"name":"name","type":"string"},{"name":"wallet","type":"address"}],
                 "Mail":[{"name":"from","type":"Person"},{"name":"to","type":"Person"},{"name":"contents","type":"string"}]},
                 "primaryType":"Mail",
                 "domain":{"name":"Ether Mail","version":"1","chainId":1,"verifyingContract":"0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC"},
                 "message":{"from":{"name":"Cow","wallet":"0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826"},
                            "to":{"name":"Bob","wallet":"0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB"},"contents":"Hello, Bob!"}}
                """);
            // The EIP-712 example: the key is keccak256("cow").
            var cow = "0xc85ef7d79691fe79573b1a7064c19c1a9819ebdbd1faaab1a8ec92344438aaf4";
            var result = JsonDocument.Parse(CliRun.Of("util", "sign-typed-data", "--private-key", cow, "--file", file).AssertSucceeded().Output).RootElement;
            Assert.Equal("0xbe609aee343fb3c4b28e1df9e632fca64fcfaede20f02e86244efddf30957bd2", result.GetProperty("hash").GetString());
            Assert.Equal(
                "0x4355c47d63924e8a72e509b65029052eb6c299d53a04e167c5775fd466751c9d07299936d304c153f6443dfa05f40ff007d72911b6f72307f996231605b915621c",
                result.GetProperty("signature").GetString());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Sign_tx_prints_the_EIP155_example_transaction()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, """{"nonce":9,"gasPrice":"20000000000","gasLimit":21000,"to":"0x3535353535353535353535353535353535353535","value":"1000000000000000000","data":"0x","chainId":1}""");
            Assert.Equal(
                "0xf86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a76400008025a028ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276a067cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83",
                CliRun.Of("util", "sign-tx", "--private-key", Key, "--file", file).AssertSucceeded().Output);
            File.WriteAllText(file, """{"nonce":9,"gasprice":"20000000000","gasLimit":21000,"chainId":1}""");
            CliRun.Of("util", "sign-tx", "--private-key", Key, "--file", file).AssertRefused("did you mean 'gasPrice'");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("not hex", "util", "keccak", "0xzz")]
    [InlineData("odd number", "util", "keccak", "0x123")]
    [InlineData("64 hex digits", "util", "address", "--private-key", "0x1234")]
    [InlineData("private key", "util", "address", "--private-key", "0x0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("not valid JSON", "util", "abi-encode", "--types", "[uint256", "--values", "[1]")]
    [InlineData("uint8", "util", "abi-encode", "--types", "[\"uint8\"]", "--values", "[256]")]
    [InlineData("uint7", "util", "abi-encode", "--types", "[\"uint7\"]", "--values", "[1]")]
    [InlineData("does not exist", "util", "sign-typed-data", "--private-key", Key, "--file", "/nonexistent/typed.json")]
    public void Bad_input_is_refused_with_one_line_and_exit_code_1(string reason, params string[] args) =>
        Assert.Equal(1, CliRun.Of(args).AssertRefused(reason).ExitCode);

    [Theory]
    [InlineData("--private-key", "util", "address")]
    [InlineData("unrecognized", "util", "frobnicate")]
    [InlineData("--file", "util", "sign-typed-data", "--private-key", Key)]
    public void A_command_line_that_does_not_parse_gives_one_line_and_exit_code_2(string reason, params string[] args) =>
        Assert.Equal(2, CliRun.Of(args).AssertRefused(reason).ExitCode);

    [Fact]
    public void A_bug_is_not_reported_as_bad_input_but_as_an_internal_error_with_its_trace()
    {
        using var error = new StringWriter();
        var exit = Photon.Node.Cli.PhotonCli.Run(["util", "keccak", "0x"], new FailingWriter(), error);
        Assert.Equal(Photon.Node.Cli.PhotonCli.InternalError, exit);
        Assert.StartsWith("internal error (please report): System.InvalidOperationException", error.ToString(), StringComparison.Ordinal);
        Assert.Contains(" at ", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Duplicate", "util", "abi-encode", "--types", "[\"uint8\"]", "--values", "{\"a\":1,\"a\":2}")]
    [InlineData("surrogate", "util", "abi-encode", "--types", "[\"string\"]", "--values", "[\"\\ud800\"]")]
    public void Json_arguments_with_duplicate_keys_or_invalid_text_are_refused(string reason, params string[] args) =>
        CliRun.Of(args).AssertRefused(reason);

    [Fact]
    public void A_raw_lone_surrogate_in_an_argument_is_bad_input_not_a_bug() =>
        // Windows passes arguments as UTF-16, so this can arrive from a real command line there.
        Assert.Equal(1, CliRun.Of("util", "abi-encode", "--types", "[\"\uD800\"]", "--values", "[]").AssertRefused("lone surrogate").ExitCode);

    /// <summary>Stands in for an unexpected failure inside a command.</summary>
    private sealed class FailingWriter : StringWriter
    {
        public override void WriteLine(string? value) => throw new InvalidOperationException("simulated bug");
    }
}
