using Photon.Contracts.Bindings;

namespace Photon.Contracts.Tests.Network.Support;

public static class ContractAssert
{
    /// <summary>Asserts that <paramref name="action"/> is refused by the contract with the custom error <paramref name="errorName"/>.</summary>
    public static async Task<ContractErrorException> RevertsWith(string errorName, Func<Task> action)
    {
        var exception = await Assert.ThrowsAsync<ContractErrorException>(action);
        Assert.True(errorName == exception.ErrorName, $"expected {errorName}, the contract refused with {exception.Message}");
        return exception;
    }
}
