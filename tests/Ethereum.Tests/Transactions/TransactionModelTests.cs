using Photon.Ethereum.Crypto;
using Photon.Ethereum.Tests.Crypto;
using Photon.Ethereum.Transactions;

namespace Photon.Ethereum.Tests.Transactions;

/// <summary>The transaction records: immutability, value equality, round trips, and what the signer refuses.</summary>
public class TransactionModelTests
{
    private static readonly Address Recipient = Address.Parse("0x3535353535353535353535353535353535353535");

    private static Eip1559Transaction DynamicFee(byte[] data, List<AccessListEntry> accessList) => new()
    {
        ChainId = 1, Nonce = 1, MaxPriorityFeePerGas = 1UL, MaxFeePerGas = 2UL, GasLimit = 21000, To = Recipient, Data = data, AccessList = accessList,
    };

    [Fact]
    public void Data_and_access_lists_are_copied_so_later_changes_to_the_inputs_do_not_reach_the_transaction()
    {
        var data = new byte[] { 1, 2, 3 };
        var keys = new List<Hash256> { Hash256.Zero };
        var entries = new List<AccessListEntry> { new(Recipient, keys) };
        var transaction = DynamicFee(data, entries);
        var hashBefore = transaction.SigningHash;

        data[0] = 9;
        keys.Add(Keccak256.OfEmpty);
        entries.Add(new AccessListEntry(Address.Zero, []));

        Assert.Equal(new byte[] { 1, 2, 3 }, transaction.Data.ToArray());
        Assert.Single(transaction.AccessList);
        Assert.Single(transaction.AccessList[0].StorageKeys);
        Assert.Equal(hashBefore, transaction.SigningHash);
    }

    [Fact]
    public void Exposed_lists_cannot_be_written_through()
    {
        var transaction = DynamicFee([], [new AccessListEntry(Recipient, [Hash256.Zero])]);
        Assert.Throws<NotSupportedException>(() => ((IList<AccessListEntry>)transaction.AccessList)[0] = new AccessListEntry(Address.Zero, []));
        Assert.Throws<NotSupportedException>(() => ((IList<Hash256>)transaction.AccessList[0].StorageKeys)[0] = Keccak256.OfEmpty);
    }

    [Fact]
    public void Equality_compares_contents_and_type()
    {
        var a = DynamicFee([1, 2, 3], [new AccessListEntry(Recipient, [Hash256.Zero])]);
        var b = DynamicFee([1, 2, 3], [new AccessListEntry(Recipient, [Hash256.Zero])]);
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, a with { Data = new byte[] { 1, 2, 4 } });
        Assert.NotEqual(a, a with { AccessList = [new AccessListEntry(Recipient, [Keccak256.OfEmpty])] });
        Assert.NotEqual(a, a with { AccessList = [] });
        Assert.NotEqual(a, a with { To = null });
        Assert.NotEqual(a, a with { ChainId = 2 });
        Assert.NotEqual(a, a with { MaxFeePerGas = 3UL });

        // Same shared fields, different types: never equal.
        var accessList = new Eip2930Transaction { ChainId = 1, Nonce = 1, GasPrice = 2UL, GasLimit = 21000, To = Recipient };
        var legacy = new LegacyTransaction { ChainId = 1, Nonce = 1, GasPrice = 2UL, GasLimit = 21000, To = Recipient };
        Assert.NotEqual<Transaction>(accessList, legacy);
    }

    [Fact]
    public void Encode_then_decode_gives_back_an_equal_transaction_signature_and_sender()
    {
        var random = new Random(155);
        foreach (var type in new[] { TransactionType.Legacy, TransactionType.AccessList, TransactionType.DynamicFee })
        {
            for (var i = 0; i < 100; i++)
            {
                var transaction = RandomTransactions.Create(random, type);
                using var key = new PrivateKey(Backends.RandomKey(random));
                var signed = TransactionSigner.Sign(transaction, key);
                var decoded = SignedTransaction.Decode(signed.Encode());
                Assert.Equal(signed, decoded);
                Assert.Equal(transaction, decoded.Transaction);
                Assert.Equal(signed.Hash, decoded.Hash);
                Assert.Equal(key.Address, decoded.RecoverSender());
                Assert.True(decoded.TryRecoverSender(out var sender));
                Assert.Equal(key.Address, sender);
            }
        }
    }

    [Fact]
    public void Signing_is_deterministic_and_bound_to_the_chain()
    {
        using var key = PrivateKey.Parse("0x4646464646464646464646464646464646464646464646464646464646464646");
        var onMainnet = DynamicFee([], []);
        Assert.Equal(TransactionSigner.Sign(onMainnet, key).ToHex(), TransactionSigner.Sign(onMainnet, key).ToHex());
        var elsewhere = onMainnet with { ChainId = 31337 };
        Assert.NotEqual(onMainnet.SigningHash, elsewhere.SigningHash);
        Assert.NotEqual(TransactionSigner.Sign(onMainnet, key).Hash, TransactionSigner.Sign(elsewhere, key).Hash);
    }

    [Fact]
    public void Legacy_v_grows_past_64_bits_for_the_largest_chain_ids()
    {
        using var key = PrivateKey.Parse("0x4646464646464646464646464646464646464646464646464646464646464646");
        var transaction = new LegacyTransaction { ChainId = ulong.MaxValue, Nonce = 0, GasPrice = 1UL, GasLimit = 21000, To = Recipient };
        var signed = TransactionSigner.Sign(transaction, key);
        Assert.Equal((UInt256)ulong.MaxValue * 2 + 35 + (ulong)signed.YParity, signed.V);
        Assert.Equal(66, signed.V.BitLength); // 2·(2⁶⁴ − 1) + 35 = 2⁶⁵ + 33
        Assert.Equal(signed, SignedTransaction.Decode(signed.Encode()));
    }

    [Fact]
    public void Typed_transactions_with_chain_id_0_round_trip_as_other_implementations_encode_them()
    {
        using var key = PrivateKey.Parse("0x4646464646464646464646464646464646464646464646464646464646464646");
        var signed = TransactionSigner.Sign(DynamicFee([], []) with { ChainId = 0 }, key);
        Assert.Equal(signed, SignedTransaction.Decode(signed.Encode()));
        Assert.Equal(key.Address, signed.RecoverSender());
    }

    [Fact]
    public void Legacy_chain_id_0_is_refused_in_favour_of_null()
    {
        var refusal = Assert.Throws<ArgumentOutOfRangeException>(() => new LegacyTransaction { ChainId = 0, Nonce = 0, GasPrice = 1UL, GasLimit = 21000 });
        Assert.Contains("use null for a pre-EIP-155 transaction", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Signer_refuses_a_legacy_transaction_without_a_chain_id()
    {
        using var key = PrivateKey.Parse("0x4646464646464646464646464646464646464646464646464646464646464646");
        var unprotected = new LegacyTransaction { ChainId = null, Nonce = 0, GasPrice = 1UL, GasLimit = 21000, To = Recipient };
        var refusal = Assert.Throws<ArgumentException>(() => TransactionSigner.Sign(unprotected, key));
        Assert.Contains("replayed on every chain", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Signed_transaction_refuses_a_missing_or_high_s_signature()
    {
        var transaction = DynamicFee([], []);
        Assert.StartsWith("the signature is missing (default value)", Assert.Throws<ArgumentException>(() => new SignedTransaction(transaction, default)).Message, StringComparison.Ordinal);
        var highS = new Signature(UInt256.One, Signature.CurveOrder - UInt256.One, 27);
        Assert.StartsWith("the signature has a high s", Assert.Throws<ArgumentException>(() => new SignedTransaction(transaction, highS)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => new SignedTransaction(null!, new Signature(UInt256.One, UInt256.One, 27)));
    }

    [Fact]
    public void Access_lists_refuse_null_entries_and_keys()
    {
        Assert.StartsWith("an access list has no null entries", Assert.Throws<ArgumentException>(() => DynamicFee([], [null!])).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => new AccessListEntry(Recipient, null!));
    }

    [Fact]
    public void Unsigned_and_signed_v_follow_the_type()
    {
        using var key = PrivateKey.Parse("0x4646464646464646464646464646464646464646464646464646464646464646");
        var typed = TransactionSigner.Sign(DynamicFee([], []), key);
        Assert.Equal((UInt256)(ulong)typed.YParity, typed.V);
        var legacy = TransactionSigner.Sign(new LegacyTransaction { ChainId = 1, Nonce = 0, GasPrice = 1UL, GasLimit = 21000 }, key);
        Assert.Equal((UInt256)(37UL + (ulong)legacy.YParity), legacy.V);
    }

    [Fact]
    public void To_string_names_the_type_and_shows_the_fields()
    {
        var transaction = DynamicFee([0xab], [new AccessListEntry(Recipient, [Hash256.Zero])]);
        var text = transaction.ToString();
        Assert.StartsWith("Eip1559Transaction {", text, StringComparison.Ordinal);
        Assert.Contains("\"data\":\"0xab\"", text, StringComparison.Ordinal);
        Assert.Contains(Recipient.ToString(), text, StringComparison.Ordinal);
        using var key = PrivateKey.Parse("0x4646464646464646464646464646464646464646464646464646464646464646");
        var signed = TransactionSigner.Sign(transaction, key);
        Assert.Contains(signed.Hash.ToString(), signed.ToString(), StringComparison.Ordinal);
        var unprotected = new LegacyTransaction { ChainId = null, Nonce = 0, GasPrice = 1UL, GasLimit = 21000 };
        Assert.DoesNotContain("chainId", unprotected.ToString(), StringComparison.Ordinal);
    }
}
