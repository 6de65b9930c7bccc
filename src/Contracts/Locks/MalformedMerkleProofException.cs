namespace Photon.Contracts.Locks;

/// <summary>
/// A Merkle proof whose length is not a multiple of 32 bytes; the contract reverts with
/// <c>MalformedMerkleProof(length)</c> for the same input.
/// </summary>
public sealed class MalformedMerkleProofException(int length)
    : FormatException($"a Merkle proof is a sequence of 32-byte hashes; {length} bytes is not a multiple of 32")
{
    public int Length { get; } = length;
}
