using Photon.Node.Application;

namespace Photon.Node.Tests.Api;

public class ApiErrorMappingTests
{
    private const string Token = "0x5fbdb2315678afecb367f032d93f642f64180aa3";
    private const string Partner = "0x70997970c51812dc3a010c7d01b50e179aeb41c3";

    [Theory]
    [InlineData(ApplicationErrorKind.InvalidArgument, 400)]
    [InlineData(ApplicationErrorKind.InsufficientBalance, 402)]
    [InlineData(ApplicationErrorKind.NotFound, 404)]
    [InlineData(ApplicationErrorKind.Conflict, 409)]
    [InlineData(ApplicationErrorKind.NoRoute, 409)]
    [InlineData(ApplicationErrorKind.PaymentFailed, 409)]
    [InlineData(ApplicationErrorKind.ChainFailure, 502)]
    [InlineData(ApplicationErrorKind.Unavailable, 503)]
    public async Task Each_application_refusal_becomes_its_status_with_the_application_code_and_message(ApplicationErrorKind kind, int expected)
    {
        await using var server = await ApiServer.StartAsync();
        server.App.Failure = new NodeApplicationException(kind, $"code_of_{kind}", $"sentence about {kind}");
        foreach (var (method, path, body) in new (string, string, string?)[]
        {
            ("POST", $"/api/v1/payments/{Token}/{Partner}", """{"amount":"30"}"""),
            ("PATCH", $"/api/v1/channels/{Token}/{Partner}", """{"total_deposit":"30"}"""),
            ("GET", $"/api/v1/channels/{Token}/{Partner}", null),
        })
        {
            var (status, json) = await server.CallAsync(new HttpMethod(method), path, body);
            Assert.Equal(expected, status);
            Assert.Equal($"code_of_{kind}", json.GetProperty("error").GetString());
            Assert.Equal($"sentence about {kind}", json.GetProperty("message").GetString());
            Assert.Equal(2, json.EnumerateObject().Count());
        }
    }

    [Fact]
    public async Task A_bug_in_the_application_is_a_500_that_tells_no_details()
    {
        await using var server = await ApiServer.StartAsync();
        server.App.Failure = new InvalidOperationException("secret detail");
        var (status, json) = await server.CallAsync(HttpMethod.Get, "/api/v1/status");
        Assert.Equal(500, status);
        Assert.Equal("internal_error", json.GetProperty("error").GetString());
        Assert.DoesNotContain("secret detail", json.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cancellation_inside_the_node_that_is_not_the_client_leaving_is_a_500_in_JSON()
    {
        await using var server = await ApiServer.StartAsync();
        server.App.Failure = new OperationCanceledException("the node is stopping");
        var (status, json) = await server.CallAsync(HttpMethod.Post, $"/api/v1/payments/{Token}/{Partner}", """{"amount":"30"}""");
        Assert.Equal(500, status);
        Assert.Equal("internal_error", json.GetProperty("error").GetString());
        Assert.DoesNotContain("stopping", json.GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
