using Photon.Ethereum.Crypto;
using Photon.Ethereum.Rlp;

namespace Photon.Ethereum.Transactions;

/// <summary>Where a new contract lands, known before the creating transaction is mined.</summary>
public static class ContractAddress
{
    /// <summary>
    /// CREATE: the last 20 bytes of <c>keccak256(rlp([sender, nonce]))</c>, with the sender's nonce
    /// at the time of the creating transaction (Yellow Paper, eq. 88).
    /// </summary>
    public static Address Create(Address sender, ulong nonce)
    {
        var rlp = new RlpWriter().StartList().Write(sender).Write(nonce).EndList().ToArray();
        return new Address(Keccak256.Hash(rlp).ToArray().AsSpan(12));
    }

    /// <summary>CREATE2 (EIP-1014): the last 20 bytes of <c>keccak256(0xff ‖ deployer ‖ salt ‖ keccak256(initCode))</c>.</summary>
    public static Address Create2(Address deployer, Hash256 salt, ReadOnlySpan<byte> initCode)
    {
        Span<byte> preimage = stackalloc byte[1 + 20 + 32 + 32];
        preimage[0] = 0xff;
        deployer.WriteTo(preimage[1..]);
        salt.WriteTo(preimage[21..]);
        Keccak256.Hash(initCode, preimage[53..]);
        return new Address(Keccak256.Hash(preimage).ToArray().AsSpan(12));
    }
}
