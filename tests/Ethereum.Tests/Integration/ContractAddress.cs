using Photon.Ethereum.Crypto;
using Photon.Ethereum.Rlp;

namespace Photon.Ethereum.Tests.Integration;

/// <summary>
/// Where CREATE puts a contract: the last 20 bytes of <c>keccak256(rlp([sender, nonce]))</c>, with
/// the sender's nonce at the time of the creating transaction (Yellow Paper, eq. 88).
/// </summary>
public static class ContractAddress
{
    public static Address Create(Address sender, ulong nonce)
    {
        var rlp = new RlpWriter().StartList().Write(sender).Write(nonce).EndList().ToArray();
        return new Address(Keccak256.Hash(rlp).ToArray().AsSpan(12));
    }
}
