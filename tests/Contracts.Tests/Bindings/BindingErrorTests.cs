using Photon.Contracts.Bindings;
using Photon.Ethereum;
using Photon.Ethereum.Abi;
using static Photon.Contracts.Tests.Bindings.Samples;

namespace Photon.Contracts.Tests.Bindings;

/// <summary>
/// Revert data of every custom error, encoded with solc's ABI of the interface, decodes through the
/// binding to that error and its arguments; anything else (Error(string), Panic, unknown selectors,
/// the other contracts' errors, malformed arguments) does not.
/// </summary>
public sealed class BindingErrorTests
{
    public static IEnumerable<object[]> Contracts() => [["ITokenNetworkRegistry"], ["ITokenNetwork"]];

    [Theory]
    [MemberData(nameof(Contracts))]
    public async Task Every_custom_error_decodes_with_its_arguments(string name)
    {
        var abi = (await InterfaceCompilation.CompileAsync())[name].Abi;

        Assert.NotEmpty(abi.Errors);
        foreach (var error in abi.Errors)
        {
            var arguments = error.Inputs.Select((p, i) => SampleOf(p.Type, i + 1)).ToArray();
            var revertData = error.Encode(arguments);

            var decoded = TryDecodeError(name, revertData);

            Assert.NotNull(decoded);
            Assert.Equal(error.Signature, decoded.Error.Signature);
            Assert.Equal(error.Name, decoded.Error.Name);
            Assert.Equal(error.Decode(revertData), decoded.Values);
            Assert.Equal(error.Inputs.Select(p => p.Name), decoded.Values.Parameters.Select(p => p.Name));
        }
    }

    [Fact]
    public void Named_arguments_are_read_through_the_typed_accessors()
    {
        var data = TokenNetworkAbi.NonceNotIncreasingError.Encode(U(1), U(2));

        var decoded = TokenNetworkContract.TryDecodeError(data)!;

        Assert.Equal("NonceNotIncreasing", decoded.Error.Name);
        Assert.Equal(U(1), decoded.Values.GetUInt256("stored"));
        Assert.Equal(U(2), decoded.Values.GetUInt256("given"));
    }

    [Fact]
    public void Built_in_errors_unknown_selectors_and_malformed_arguments_are_not_custom_errors()
    {
        var notOpened = TokenNetworkAbi.ChannelNotOpenedError.Encode(U(1));

        Assert.Null(TokenNetworkContract.TryDecodeError(AbiError.ErrorString.Encode("nope")));
        Assert.Null(TokenNetworkContract.TryDecodeError(AbiError.Panic.Encode(UInt256.One)));
        Assert.Null(TokenNetworkContract.TryDecodeError(AbiError.Parse("error Unknown(uint256 x)").Encode(U(1))));
        Assert.Null(TokenNetworkContract.TryDecodeError([]));
        Assert.Null(TokenNetworkContract.TryDecodeError(notOpened.AsSpan(0, 3)));
        Assert.Null(TokenNetworkContract.TryDecodeError(notOpened.AsSpan(0, notOpened.Length - 1)));
        Assert.NotNull(TokenNetworkContract.TryDecodeError(notOpened));
        Assert.Null(SecretRegistryContract.TryDecodeError(notOpened));
    }

    [Fact]
    public void Each_binding_knows_only_its_own_contract_s_errors()
    {
        var registryError = TokenNetworkRegistryAbi.TokenNetworkExistsError.Encode(A(1), A(2));
        var networkError = TokenNetworkAbi.WrongSignerError.Encode(A(1), A(2));

        Assert.Null(TokenNetworkContract.TryDecodeError(registryError));
        Assert.Null(TokenNetworkRegistryContract.TryDecodeError(networkError));
        Assert.Equal("TokenNetworkExists", TokenNetworkRegistryContract.TryDecodeError(registryError)?.Error.Name);
        Assert.Equal("WrongSigner", TokenNetworkContract.TryDecodeError(networkError)?.Error.Name);
    }

    [Fact]
    public void A_contract_error_exception_names_the_error_and_its_arguments_and_keeps_the_original()
    {
        var original = new InvalidOperationException("the revert as the node reported it");
        var error = TokenNetworkAbi.NotParticipantError;

        var e = new ContractErrorException("TokenNetwork", A(5), error, error.Decode(error.Encode(U(7), A(8))), original);

        Assert.Equal("NotParticipant", e.ErrorName);
        Assert.Same(original, e.InnerException);
        Assert.Equal(A(8), e.Arguments.GetAddress("account"));
        Assert.Equal(A(5), e.Contract);
        Assert.Null(e.Receipt);
        Assert.Contains("NotParticipant(channelId: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(A(8).ToString(), e.Message, StringComparison.Ordinal);
    }

    private static AbiDecodedError? TryDecodeError(string name, byte[] revertData) => name switch
    {
        "ITokenNetworkRegistry" => TokenNetworkRegistryContract.TryDecodeError(revertData),
        "ITokenNetwork" => TokenNetworkContract.TryDecodeError(revertData),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not one of our interfaces with errors"),
    };

    private static object SampleOf(AbiType type, int n) => type switch
    {
        AbiUIntType => U(n),
        AbiAddressType => A(n),
        AbiFixedBytesType { Size: 32 } => H(n).ToArray(),
        _ => throw new NotSupportedException($"no sample of {type}: add one when an error takes it"),
    };
}
