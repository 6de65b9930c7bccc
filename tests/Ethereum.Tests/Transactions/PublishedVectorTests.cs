using Photon.Ethereum.Crypto;
using Photon.Ethereum.Transactions;

namespace Photon.Ethereum.Tests.Transactions;

/// <summary>
/// Published vectors: the worked example of EIP-155 itself, and go-ethereum's transaction tests
/// (core/types/transaction_test.go, whose values come from the Ethereum project's TransactionTests):
/// a pre-EIP-155 legacy transaction, an EIP-2930 and an EIP-1559 transaction, and the EIP-2930 signer test.
/// </summary>
public class PublishedVectorTests
{
    private static readonly Address GethTestAddress = Address.Parse("0xb94f5374fce5edbc8e2a8697c15331677e6ebf0b");

    [Fact]
    public void Eip155_example_gives_the_signing_data_hash_signature_and_raw_transaction_of_the_eip()
    {
        var transaction = new LegacyTransaction
        {
            ChainId = 1,
            Nonce = 9,
            GasPrice = 20_000_000_000UL,
            GasLimit = 21000,
            To = Address.Parse("0x3535353535353535353535353535353535353535"),
            Value = UInt256.Parse("1000000000000000000"),
        };
        using var key = PrivateKey.Parse("0x4646464646464646464646464646464646464646464646464646464646464646");

        Assert.Equal("0xec098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a764000080018080", Hex.Encode(transaction.EncodeUnsigned()));
        Assert.Equal(Hash256.Parse("0xdaf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53"), transaction.SigningHash);

        var signed = TransactionSigner.Sign(transaction, key);
        Assert.Equal((UInt256)37UL, signed.V);
        Assert.Equal(UInt256.Parse("18515461264373351373200002665853028612451056578545711640558177340181847433846"), signed.Signature.R);
        Assert.Equal(UInt256.Parse("46948507304638947509940763649030358759909902576025900602547168820602576006531"), signed.Signature.S);
        const string raw = "0xf86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a76400008025a028ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276a067cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83";
        Assert.Equal(raw, signed.ToHex());

        var decoded = SignedTransaction.Parse(raw);
        Assert.Equal(signed, decoded);
        Assert.Equal(Address.Parse("0x9d8a62f656a8d1615c1294fd71e9cfb3e4855a4f"), decoded.RecoverSender());
        Assert.Equal(key.Address, decoded.RecoverSender());
    }

    [Fact]
    public void Geth_frontier_transaction_with_high_s_has_the_published_signing_hash_and_is_refused()
    {
        // A pre-Homestead signature: its s is above n/2, which EIP-2 (Homestead) made invalid.
        const string raw = "0xf86103018207d094b94f5374fce5edbc8e2a8697c15331677e6ebf0b0a8255441ca098ff921201554726367d2be8c804a7ff89ccf285ebc57dff8ae4c44b9c19ac4aa08887321be575c8095f789dd4c743dfe42c1820f9231f98a962b210e3ac2452a3";
        var transaction = new LegacyTransaction
        {
            ChainId = null,
            Nonce = 3,
            GasPrice = 1UL,
            GasLimit = 2000,
            To = GethTestAddress,
            Value = 10UL,
            Data = Hex.Decode("0x5544"),
        };
        Assert.Equal(Hash256.Parse("0xfe7a79529ed5f7c3375d06b26b186a8644e0e16c373d7a12be41c62d6042b77a"), transaction.SigningHash);
        // After the list headers (one byte unsigned, two signed), the raw fields are this transaction's.
        Assert.StartsWith(Hex.Encode(transaction.EncodeUnsigned())[4..], raw[6..], StringComparison.Ordinal);

        var refusal = Assert.Throws<TransactionFormatException>(() => SignedTransaction.Parse(raw));
        Assert.Contains("upper half of the curve order", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Geth_empty_legacy_transaction_has_the_published_pre_eip155_signing_hash()
    {
        var transaction = new LegacyTransaction
        {
            ChainId = null,
            Nonce = 0,
            GasPrice = UInt256.Zero,
            GasLimit = 0,
            To = Address.Parse("0x095e7baea6a6c7c4c2dfeb977efac326af552d87"),
        };
        Assert.Equal(Hash256.Parse("0xc775b99e7ad12f50d819fcd602390467e28141316969f4b57f0626f74fe3b386"), transaction.SigningHash);
    }

    [Theory]
    [InlineData("0xf8498080808080011ca09b16de9d5bdee2cf56c28d16275a4da68cd30273e2525f3959f5d62557489921a0372ebd8fb3345f7db7b5a86d42e24d36e983e259b0664ceb8c227ec9af572f3d", true)]
    [InlineData("0xf85d80808094000000000000000000000000000000000000000080011ca0527c0d8f5c63f7b9f41324a7c8a563ee1190bcbf0dac8ab446291bdbf32f5c79a0552c4ef0a09a04395074dab9ed34d3fbfb843c2f2546cc30fe89ec143ca94ca6", false)]
    public void Geth_recipient_tests_recover_the_published_sender(string raw, bool contractCreation)
    {
        using var key = PrivateKey.Parse("0x45a915e4d060149eb4365960e6a7a45f334393093061116b197e3240065ff2d8");
        var decoded = SignedTransaction.Parse(raw);
        Assert.Equal(contractCreation, decoded.Transaction.IsContractCreation);
        Assert.Equal(contractCreation ? null : Address.Zero, decoded.Transaction.To);
        Assert.Equal(key.Address, decoded.RecoverSender());
        Assert.Equal(raw, decoded.ToHex());
    }

    [Fact]
    public void Geth_eip2930_transaction_has_the_published_signing_hash_and_encoding()
    {
        var transaction = new Eip2930Transaction
        {
            ChainId = 1,
            Nonce = 3,
            GasPrice = 1UL,
            GasLimit = 25000,
            To = GethTestAddress,
            Value = 10UL,
            Data = Hex.Decode("0x5544"),
        };
        Assert.Equal(Hash256.Parse("0x49b486f0ec0a60dfbbca2d30cb07c9e8ffb2a2ff41f29a1ab6737475f6ff69f3"), transaction.SigningHash);

        var signed = new SignedTransaction(transaction, GethSignature);
        const string raw = "0x01f8630103018261a894b94f5374fce5edbc8e2a8697c15331677e6ebf0b0a825544c001a0c9519f4f2b30335884581971573fadf60c6204f59a911df35ee8a540456b2660a032f1e8e2c5dd761f9e4f88f41c8310aeaba26a8bfcdacfedfa12ec3862d37521";
        Assert.Equal(raw, signed.ToHex());
        Assert.Equal(signed, SignedTransaction.Parse(raw));
    }

    [Fact]
    public void Geth_eip1559_transaction_has_the_published_encoding()
    {
        var transaction = new Eip1559Transaction
        {
            ChainId = 1,
            Nonce = 3,
            MaxPriorityFeePerGas = 1UL,
            MaxFeePerGas = 1UL,
            GasLimit = 25000,
            To = GethTestAddress,
            Value = 10UL,
            Data = Hex.Decode("0x5544"),
        };
        var signed = new SignedTransaction(transaction, GethSignature);
        const string raw = "0x02f864010301018261a894b94f5374fce5edbc8e2a8697c15331677e6ebf0b0a825544c001a0c9519f4f2b30335884581971573fadf60c6204f59a911df35ee8a540456b2660a032f1e8e2c5dd761f9e4f88f41c8310aeaba26a8bfcdacfedfa12ec3862d37521";
        Assert.Equal(raw, signed.ToHex());
        Assert.Equal(signed, SignedTransaction.Parse(raw));
    }

    [Fact]
    public void Geth_eip2930_signer_test_gives_the_published_signing_hashes_and_signed_hash()
    {
        using var key = PrivateKey.Parse("0xb71c71a67e1177ad4e901695e1b4b9ee17ae16c6668d313eac2f96dbcda3f291");
        var onChain1 = new Eip2930Transaction { ChainId = 1, Nonce = 1, GasPrice = UInt256.Zero, GasLimit = 0 };
        var onChain2 = onChain1 with { ChainId = 2 };
        Assert.Equal(Hash256.Parse("0x846ad7672f2a3a40c1f959cd4a8ad21786d620077084d84c8d7c077714caa139"), onChain1.SigningHash);
        Assert.Equal(Hash256.Parse("0x367967247499343401261d718ed5aa4c9486583e4d89251afce47f4a33c33362"), onChain2.SigningHash);

        var signed = TransactionSigner.Sign(onChain1, key);
        Assert.Equal(Hash256.Parse("0x1ccd12d8bbdb96ea391af49a35ab641e219b2dd638dea375f2bc94dd290f2549"), signed.Hash);
        Assert.Equal(key.Address, SignedTransaction.Decode(signed.Encode()).RecoverSender());
    }

    // r ‖ s ‖ recovery id 1 from geth's tests.
    private static Signature GethSignature => Signature.FromRecoveryId(
        UInt256.Parse("0xc9519f4f2b30335884581971573fadf60c6204f59a911df35ee8a540456b2660"),
        UInt256.Parse("0x32f1e8e2c5dd761f9e4f88f41c8310aeaba26a8bfcdacfedfa12ec3862d37521"),
        1);
}
