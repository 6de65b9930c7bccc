using System.Net;
using System.Net.Sockets;

namespace Photon.TestSupport;

/// <summary>
/// A loopback port that was free a moment ago: the kernel picks it for a listener on port 0,
/// which is then closed. Another process may take it before it is used, so callers must retry
/// with a new port when binding fails.
/// </summary>
public static class FreeTcpPort
{
    public static int Find()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }
}
