using System.Text.Json.Nodes;

namespace Photon.Ethereum.JsonRpc;

/// <summary>A request parameter with one JSON form that nodes accept (e.g. a call or a log filter).</summary>
internal interface IRpcObject
{
    JsonObject ToRpcObject();
}
