namespace Photon.Ethereum.Tests.Integration;

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
}
