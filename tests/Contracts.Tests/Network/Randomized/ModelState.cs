namespace Photon.Contracts.Tests.Network.Randomized;

internal enum ModelState
{
    Opened,
    Closed,
    Settled,
}
