namespace Photon.Contracts.Tests.Network.Randomized;

/// <summary>A random sequence disagreed with the model; the message names the seed and lists every step.</summary>
public sealed class RandomSequenceException : Exception
{
    public RandomSequenceException()
    {
    }

    public RandomSequenceException(string message)
        : base(message)
    {
    }

    public RandomSequenceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
