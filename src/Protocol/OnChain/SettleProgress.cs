namespace Photon.Protocol.OnChain;

/// <summary>Where this node stands on settling a closed channel.</summary>
public enum SettleProgress
{
    /// <summary>The punish window is not over yet.</summary>
    Waiting,

    /// <summary>settleChannel was asked for (once).</summary>
    Requested,

    /// <summary>This node does not know the values behind a stored balance hash; the partner, who can, settles.</summary>
    LeftToPartner,
}
