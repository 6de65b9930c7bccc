namespace Photon.Node.Tests.Api;

/// <summary>Malformed requests are refused with 400 (413 for a large body) and never reach the application.</summary>
public class ApiRequestValidationTests
{
    private const string Token = "0x5fbdb2315678afecb367f032d93f642f64180aa3";
    private const string Partner = "0x70997970c51812dc3a010c7d01b50e179aeb41c3";
    private const string Pay = $"/api/v1/payments/{Token}/{Partner}";
    private const string Patch = $"/api/v1/channels/{Token}/{Partner}";

    // 0x5FbDB2315678afecb367f032d93F642f64180aa3 with one letter's case flipped.
    private const string BadChecksum = "0x5FbDB2315678afecb367f032d93F642f64180Aa3";

    public static TheoryData<string, string, string?, string, string> Malformed() => new()
    {
        // method, path, body, error code, fragment of the message
        { "PUT", "/api/v1/channels", "", "missing_field", "'token_address' is required" },
        { "PUT", "/api/v1/channels", "{\"token_address\":", "malformed_json", "not JSON" },
        { "PUT", "/api/v1/channels", "[1,2]", "malformed_json", "JSON object" },
        { "PUT", "/api/v1/channels", $$"""{"token_address":"{{Token}}","token_address":"{{Token}}","partner_address":"{{Partner}}"}""", "malformed_json", "not JSON" },
        { "PUT", "/api/v1/channels", $$"""{"token_address":"{{Token}}","partner_address":"{{Partner}}","deposit":"5"}""", "unknown_field", "'deposit'" },
        { "PUT", "/api/v1/channels", $$"""{"token_address":"{{Token}}"}""", "missing_field", "partner_address" },
        { "PUT", "/api/v1/channels", $$"""{"token_address":5,"partner_address":"{{Partner}}"}""", "invalid_type", "must be a string" },
        { "PUT", "/api/v1/channels", $$"""{"token_address":"{{Token}}","partner_address":"0x1234"}""", "invalid_address", "40 hex digits" },
        { "PUT", "/api/v1/channels", $$"""{"token_address":"{{BadChecksum}}","partner_address":"{{Partner}}"}""", "invalid_address", "EIP-55 checksum" },
        { "PUT", "/api/v1/channels", $$"""{"token_address":"0x0000000000000000000000000000000000000000","partner_address":"{{Partner}}"}""", "invalid_address", "zero address" },
        { "PUT", "/api/v1/channels", $$"""{"token_address":"{{Token}}","partner_address":"{{Partner}}","settle_timeout":0}""", "invalid_number", "above zero" },
        { "PUT", "/api/v1/channels", $$"""{"token_address":"{{Token}}","partner_address":"{{Partner}}","settle_timeout":"soon"}""", "invalid_number", "whole number" },
        { "PUT", "/api/v1/channels", $$"""{"token_address":"{{Token}}","partner_address":"{{Partner}}","settle_timeout":[600]}""", "invalid_number", "whole number" },
        { "PUT", "/api/v1/channels", $$"""{"token_address":"{{Token}}","partner_address":"{{Partner}}","total_deposit":"-1"}""", "invalid_amount", "without sign" },
        { "PUT", $"/api/v1/tokens/{BadChecksum}", null, "invalid_address", "EIP-55 checksum" },
        { "PUT", "/api/v1/tokens/0x0000000000000000000000000000000000000000", null, "invalid_address", "'token' is the zero address" },
        { "GET", $"/api/v1/channels/{Token}/nope", null, "invalid_address", "'partner'" },
        { "GET", $"/api/v1/payments/{BadChecksum}", null, "invalid_address", "'token'" },
        { "POST", $"/api/v1/payments/{Token}/{BadChecksum}", """{"amount":"1"}""", "invalid_address", "EIP-55 checksum" },
        { "POST", $"/api/v1/payments/{Token}/0x0000000000000000000000000000000000000000", """{"amount":"1"}""", "invalid_address", "'target' is the zero address" },
        { "POST", Pay, """{"amount":"0"}""", "invalid_amount", "above zero" },
        { "POST", Pay, """{"amount":0}""", "invalid_amount", "above zero" },
        { "POST", Pay, """{"amount":"-5"}""", "invalid_amount", "without sign" },
        { "POST", Pay, """{"amount":-5}""", "invalid_amount", "without sign" },
        { "POST", Pay, """{"amount":"1.5"}""", "invalid_amount", "fraction" },
        { "POST", Pay, """{"amount":1.5}""", "invalid_amount", "fraction" },
        { "POST", Pay, """{"amount":"1e3"}""", "invalid_amount", "exponent" },
        { "POST", Pay, """{"amount":1e3}""", "invalid_amount", "exponent" },
        { "POST", Pay, """{"amount":"0x10"}""", "invalid_amount", "decimal integer" },
        { "POST", Pay, """{"amount":" 1"}""", "invalid_amount", "decimal integer" },
        { "POST", Pay, """{"amount":""}""", "invalid_amount", "decimal integer" },
        // 2^256 exactly: one past the largest amount.
        { "POST", Pay, """{"amount":"115792089237316195423570985008687907853269984665640564039457584007913129639936"}""", "invalid_amount", "2^256 - 1" },
        // 2^53 as a JSON number: a JavaScript client may already have rounded it.
        { "POST", Pay, """{"amount":9007199254740992}""", "invalid_amount", "2^53 - 1" },
        { "POST", Pay, """{"amount":"1","identifier":9007199254740992}""", "invalid_amount", "'identifier' as a JSON number" },
        { "POST", Pay, """{"amount":true}""", "invalid_amount", "decimal string" },
        { "POST", Pay, """{"amount":["1"]}""", "invalid_amount", "decimal string" },
        { "POST", Pay, """{"amount":{"value":"1"}}""", "invalid_amount", "decimal string" },
        { "POST", Pay, """{"amount":null}""", "missing_field", "'amount'" },
        { "POST", Pay, """{"amount":"1","identifier":"0"}""", "invalid_amount", "'identifier' must be above zero" },
        { "POST", Pay, """{"amount":"1","secret":"0x1234"}""", "invalid_hash", "64 hex digits" },
        { "POST", Pay, """{"amount":"1","secret_hash":"aa"}""", "invalid_hash", "64 hex digits" },
        { "POST", Pay, """{"amount":"1","lock_timeout":-1}""", "invalid_number", "whole number" },
        { "POST", Pay, """{"amount":"1","Amount":"1"}""", "unknown_field", "'Amount'" },
        { "POST", Pay + "?async=yes", """{"amount":"1"}""", "invalid_query", "true or false" },
        { "POST", Pay + "?async=true&async=false", """{"amount":"1"}""", "invalid_query", "2 times" },
        { "POST", Pay + "?asnyc=true", """{"amount":"1"}""", "invalid_query", "'asnyc'" },
        { "PATCH", Patch, "{}", "invalid_patch", "exactly one of" },
        { "PATCH", Patch, """{"total_deposit":"5","state":"closed"}""", "invalid_patch", "exactly one of" },
        { "PATCH", Patch, """{"state":"open"}""", "invalid_state", "'open'" },
        { "PATCH", Patch, """{"state":1}""", "invalid_type", "must be a string" },
        { "PATCH", Patch, """{"total_deposit":"0"}""", "invalid_amount", "above zero" },
        { "PATCH", Patch, """{"total_withdraw":"1.0"}""", "invalid_amount", "fraction" },
        { "PATCH", Patch, """{"total_withdraw":"12","x":1}""", "unknown_field", "'x'" },
        { "GET", "/api/v1/events?from=-1", null, "invalid_event_id", "'from'" },
        { "GET", "/api/v1/events?since=3", null, "invalid_query", "'since'" },
        { "GET", "/api/v1/channels?token=x", null, "invalid_query", "'token'" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task Refuses_malformed_input_with_400_and_its_code_without_calling_the_application(string method, string path, string? body, string code, string fragment)
    {
        await using var server = await ApiServer.StartAsync();
        var (status, json) = await server.CallAsync(new HttpMethod(method), path, body);
        Assert.Equal(400, status);
        Assert.Equal(code, json.GetProperty("error").GetString());
        Assert.Contains(fragment, json.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(server.App.Calls);
    }

    [Fact]
    public async Task A_checksum_error_names_the_right_address()
    {
        await using var server = await ApiServer.StartAsync();
        var (_, json) = await server.CallAsync(HttpMethod.Put, $"/api/v1/tokens/{BadChecksum}");
        Assert.Contains("did you mean 0x5FbDB2315678afecb367f032d93F642f64180aa3", json.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refuses_a_body_over_64_KiB_with_413_without_calling_the_application()
    {
        await using var server = await ApiServer.StartAsync();
        var body = $$"""{"amount":"1","identifier":"{{new string('1', 64 * 1024)}}"}""";
        var (status, json) = await server.CallAsync(HttpMethod.Post, Pay, body);
        Assert.Equal(413, status);
        Assert.Equal("body_too_large", json.GetProperty("error").GetString());
        Assert.Empty(server.App.Calls);
    }

    [Fact]
    public async Task Refuses_a_chunked_body_over_64_KiB_that_announces_no_length()
    {
        await using var server = await ApiServer.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, Pay)
        {
            Content = new StreamContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(new string(' ', 64 * 1024) + """{"amount":"1"}"""))),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ApiServer.Token);
        request.Headers.TransferEncodingChunked = true;
        using var response = await server.Http.SendAsync(request);
        Assert.Equal(413, (int)response.StatusCode);
        Assert.Empty(server.App.Calls);
    }

    [Fact]
    public async Task A_body_just_under_the_limit_is_read()
    {
        await using var server = await ApiServer.StartAsync();
        var json = """{"amount":"1"}""";
        var (status, _) = await server.CallAsync(HttpMethod.Post, Pay, new string(' ', 64 * 1024 - json.Length) + json);
        Assert.Equal(200, status);
    }

    [Fact]
    public async Task Accepts_the_largest_amount_and_addresses_in_any_valid_case()
    {
        await using var server = await ApiServer.StartAsync();
        var max = "115792089237316195423570985008687907853269984665640564039457584007913129639935";
        var (status, _) = await server.CallAsync(HttpMethod.Post, $"/api/v1/payments/{Token.ToUpperInvariant().Replace("0X", "0x", StringComparison.Ordinal)}/{Partner}", $$"""{"amount":"{{max}}","lock_timeout":"30"}""");
        Assert.Equal(200, status);
        Assert.Contains($"Amount = {max}", server.App.Calls.First(), StringComparison.Ordinal);
        Assert.Contains($"Token = {RecordingApplication.Token}", server.App.Calls.First(), StringComparison.Ordinal);
        Assert.Contains("LockTimeout = 30", server.App.Calls.First(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accepts_a_JSON_number_amount_up_to_2_53_minus_1()
    {
        await using var server = await ApiServer.StartAsync();
        var (status, json) = await server.CallAsync(HttpMethod.Post, Pay, """{"amount":9007199254740991,"identifier":9007199254740991}""");
        Assert.Equal(200, status);
        Assert.Equal("9007199254740991", json.GetProperty("amount").GetString());
        Assert.Contains("Amount = 9007199254740991, Identifier = 9007199254740991", server.App.Calls.First(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Async_false_waits_for_the_outcome_like_no_query()
    {
        await using var server = await ApiServer.StartAsync();
        var (status, json) = await server.CallAsync(HttpMethod.Post, Pay + "?async=false", """{"amount":"1"}""");
        Assert.Equal(200, status);
        Assert.Equal("succeeded", json.GetProperty("status").GetString());
        Assert.StartsWith("WaitForPaymentAsync", server.App.Calls.Last(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_path_with_a_query_is_still_a_404()
    {
        await using var server = await ApiServer.StartAsync();
        var (status, json) = await server.CallAsync(HttpMethod.Get, "/api/v1/no_such_call?x=1");
        Assert.Equal(404, status);
        Assert.Equal("not_found", json.GetProperty("error").GetString());
    }
}
