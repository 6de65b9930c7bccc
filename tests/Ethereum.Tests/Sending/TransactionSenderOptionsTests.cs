using Photon.Ethereum.Crypto;
using Photon.Ethereum.JsonRpc;
using Photon.Ethereum.Transactions;

namespace Photon.Ethereum.Tests.Sending;

public sealed class TransactionSenderOptionsTests
{
    private static readonly EthClient Unreachable = new(new JsonRpcClient(new Uri("http://127.0.0.1:9/")));

    [Theory]
    [InlineData(0.99)]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(10.5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Refuses_a_gas_margin_outside_1_to_10(double margin)
    {
        using var key = PrivateKey.Generate();
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new TransactionSender(Unreachable, key, 1, new TransactionSenderOptions { GasMargin = margin }));
        Assert.Equal("GasMargin", e.ParamName);
    }

    [Fact]
    public void Refuses_a_priority_fee_above_the_fee_cap()
    {
        using var key = PrivateKey.Generate();
        var options = new TransactionSenderOptions { MaxPriorityFeePerGas = 11UL, MaxFeePerGas = 10UL };
        var e = Assert.Throws<ArgumentException>(() => new TransactionSender(Unreachable, key, 1, options));
        Assert.Contains("never included", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_non_positive_waits_and_chain_id_zero()
    {
        using var key = PrivateKey.Generate();
        Assert.Throws<ArgumentOutOfRangeException>(() => new TransactionSender(Unreachable, key, 1, new TransactionSenderOptions { PollInterval = TimeSpan.Zero }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TransactionSender(Unreachable, key, 1, new TransactionSenderOptions { ReceiptTimeout = TimeSpan.FromSeconds(-1) }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TransactionSender(Unreachable, key, 0));
    }

    [Fact]
    public void The_address_is_the_key_s_and_the_margins_accept_their_bounds()
    {
        using var key = PrivateKey.Generate();
        Assert.Equal(key.Address, new TransactionSender(Unreachable, key, 1, new TransactionSenderOptions { GasMargin = 1 }).Address);
        Assert.Equal(10, new TransactionSender(Unreachable, key, 1, new TransactionSenderOptions { GasMargin = 10 }).Options.GasMargin);
    }

    [Fact]
    public async Task A_gas_limit_of_zero_is_refused_before_anything_is_sent()
    {
        using var key = PrivateKey.Generate();
        var sender = new TransactionSender(Unreachable, key, 1);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => sender.SubmitAsync(key.Address, ReadOnlyMemory<byte>.Empty, gasLimit: 0));
    }
}
