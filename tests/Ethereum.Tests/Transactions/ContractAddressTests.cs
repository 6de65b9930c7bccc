using Photon.Ethereum.Transactions;

namespace Photon.Ethereum.Tests.Transactions;

public sealed class ContractAddressTests
{
    // The addresses of the first contracts created by one account, as published with the
    // derivation keccak256(rlp([sender, nonce]))[12:] (Ethereum Stack Exchange, "How is the address
    // of an Ethereum contract computed?").
    [Theory]
    [InlineData(0UL, "0xcd234a471b72ba2f1ccf0a70fcaba648a5eecd8d")]
    [InlineData(1UL, "0x343c43a37d37dff08ae8c4a11544c718abb4fcf8")]
    [InlineData(2UL, "0xf778b86fa74e846c4f0a1fbd1335fe81c00a0c91")]
    [InlineData(3UL, "0xfffd933a0bc612844eaf0c6fe3e5b8e9b6c1d19c")]
    public void Create_address_matches_published_values(ulong nonce, string expected) =>
        Assert.Equal(Address.Parse(expected), ContractAddress.Create(Address.Parse("0x6ac7ea33f8831ea9dcc53393aaa88b25a785dbf0"), nonce));

    // The examples of EIP-1014.
    [Theory]
    [InlineData("0x0000000000000000000000000000000000000000", "0x0000000000000000000000000000000000000000000000000000000000000000", "0x00", "0x4D1A2e2bB4F88F0250f26Ffff098B0b30B26BF38")]
    [InlineData("0xdeadbeef00000000000000000000000000000000", "0x0000000000000000000000000000000000000000000000000000000000000000", "0x00", "0xB928f69Bb1D91Cd65274e3c79d8986362984fDA3")]
    [InlineData("0x00000000000000000000000000000000deadbeef", "0x00000000000000000000000000000000000000000000000000000000cafebabe", "0xdeadbeef", "0x60f3f640a8508fC6a86d45DF051962668E1e8AC7")]
    public void Create2_address_matches_the_EIP_1014_examples(string deployer, string salt, string initCode, string expected) =>
        Assert.Equal(Address.Parse(expected), ContractAddress.Create2(Address.Parse(deployer), Hash256.Parse(salt), Hex.Decode(initCode)));
}
