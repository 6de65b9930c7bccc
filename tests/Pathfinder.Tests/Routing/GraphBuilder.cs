using Photon.Ethereum;
using Photon.Pathfinder.Graph;
using Photon.Protocol.Routing;

namespace Photon.Pathfinder.Tests.Routing;

/// <summary>Hand-built graphs: nodes by letter, channels with a deposit (and fee schedule) on each side.</summary>
internal sealed class GraphBuilder : IDisposable
{
    private ulong _nextChannel = 1;
    private ulong _feeSequence;

    public ChannelGraph Graph { get; } = new(Address.Parse("0x00000000000000000000000000000000000000ff"));

    /// <summary>The address of node <paramref name="name"/> ("A" → 0x…0a01 style, stable per name).</summary>
    public static Address Node(string name)
    {
        var bytes = new byte[20];
        var text = System.Text.Encoding.ASCII.GetBytes(name);
        text.CopyTo(bytes, 20 - text.Length);
        bytes[0] = 0x11;
        return new Address(bytes);
    }

    /// <summary>Opens a channel <paramref name="a"/>–<paramref name="b"/> with these deposits; returns its id.</summary>
    public UInt256 Channel(string a, string b, ulong depositA, ulong depositB, FeeSchedule? feeA = null, FeeSchedule? feeB = null) =>
        Channel(Node(a), Node(b), depositA, depositB, feeA, feeB);

    public UInt256 Channel(Address a, Address b, ulong depositA, ulong depositB, FeeSchedule? feeA = null, FeeSchedule? feeB = null)
    {
        var id = new UInt256(_nextChannel++);
        Graph.Open(id, a, b);
        Graph.SetDeposit(id, a, depositA);
        Graph.SetDeposit(id, b, depositB);
        if (feeA is not null)
            SetFees(id, a, feeA);
        if (feeB is not null)
            SetFees(id, b, feeB);
        return id;
    }

    public void SetFees(UInt256 channel, Address participant, FeeSchedule fees) =>
        Assert.Equal(GraphChange.Applied, Graph.SetFees(channel, participant, fees, ++_feeSequence));

    public static FeeSchedule Flat(ulong fee) => new(fee, 0);

    public void Dispose() => Graph.Dispose();
}
