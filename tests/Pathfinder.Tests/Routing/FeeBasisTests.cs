using Photon.Ethereum;
using Photon.Pathfinder.Graph;
using Photon.Pathfinder.Routing;
using Photon.Protocol.Routing;

namespace Photon.Pathfinder.Tests.Routing;

/// <summary>The search's allocation-free fee equals the protocol's <see cref="FeeSchedule.FeeFor"/> that mediators check.</summary>
public sealed class FeeBasisTests
{
    [Fact]
    public void Equals_the_protocols_fee_for_random_values_and_schedules_small_and_huge()
    {
        var random = new Random(7);
        var bytes = new byte[32];
        for (var i = 0; i < 20_000; i++)
        {
            random.NextBytes(bytes);
            // Values from 1 unit up to 2^120 (the search takes up to 2^126), so both the 64-bit and the wide path run.
            var length = random.Next(1, 16);
            Array.Clear(bytes, 0, 32 - length);
            var value = UInt256.FromBigEndian(bytes);
            if (value.IsZero)
                continue;
            var millionths = random.Next(3) switch
            {
                0 => 0UL,
                1 => (ulong)random.Next(0, 1_000_001),
                _ => (ulong)random.NextInt64(),
            };
            var flat = (ulong)random.NextInt64();
            var edge = new DirectedEdge { Flat = flat, Millionths = millionths };
            var expected = new FeeSchedule(new UInt256(flat), millionths).FeeFor(value)!.Value.ToBigInteger();

            // The search offers no route whose fees reach 2^120; below that it must agree to the unit.
            Assert.Equal(expected >= (System.Numerics.BigInteger.One << 120) ? null : (UInt128)expected, new FeeBasis(value).FeeOf(edge));
        }
    }
}
