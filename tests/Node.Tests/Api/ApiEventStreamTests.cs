using System.Net.Http.Headers;
using System.Text.Json;

namespace Photon.Node.Tests.Api;

public class ApiEventStreamTests
{
    [Fact]
    public async Task Streams_stored_then_live_events_with_their_index_as_id()
    {
        await using var server = await ApiServer.StartAsync();
        server.App.History.AddRange([RecordingApplication.Event(0, "channel_opened"), RecordingApplication.Event(1, "payment_sent")]);
        using var stream = await SseReader.OpenAsync(server, "/api/v1/events", lastEventId: null);
        var first = await stream.NextAsync();
        Assert.Equal(("0", "channel_opened"), (first.Id, first.Event));
        Assert.Equal("""{"index":0,"type":"channel_opened","block":100,"data":{"amount":"0"}}""", first.Data);
        Assert.Equal(("1", "payment_sent"), ((await stream.NextAsync()).Id, "payment_sent"));
        server.App.Publish(RecordingApplication.Event(2, "payment_received"));
        var live = await stream.NextAsync();
        Assert.Equal(("2", "payment_received"), (live.Id, live.Event));
        Assert.Equal(2, JsonDocument.Parse(live.Data).RootElement.GetProperty("index").GetInt64());
        Assert.Equal("SubscribeEventsAsync 0", Assert.Single(server.App.Calls));
    }

    [Fact]
    public async Task Resumes_after_the_Last_Event_ID_even_when_the_url_has_from()
    {
        await using var server = await ApiServer.StartAsync();
        server.App.History.AddRange([RecordingApplication.Event(0, "a"), RecordingApplication.Event(1, "b"), RecordingApplication.Event(2, "c")]);
        using var stream = await SseReader.OpenAsync(server, "/api/v1/events?from=0", lastEventId: "1");
        Assert.Equal("2", (await stream.NextAsync()).Id);
        Assert.Equal("SubscribeEventsAsync 2", Assert.Single(server.App.Calls));
    }

    [Fact]
    public async Task Starts_at_the_index_given_by_from()
    {
        await using var server = await ApiServer.StartAsync();
        server.App.History.AddRange([RecordingApplication.Event(0, "a"), RecordingApplication.Event(1, "b")]);
        using var stream = await SseReader.OpenAsync(server, "/api/v1/events?from=1", lastEventId: null);
        Assert.Equal("1", (await stream.NextAsync()).Id);
        Assert.Equal("SubscribeEventsAsync 1", Assert.Single(server.App.Calls));
    }

    [Theory]
    [InlineData("x")]
    [InlineData("-3")]
    [InlineData("99999999999999999999")]
    public async Task Refuses_a_Last_Event_ID_that_is_not_an_index(string lastEventId)
    {
        await using var server = await ApiServer.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/events");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ApiServer.Token);
        request.Headers.TryAddWithoutValidation("Last-Event-ID", lastEventId);
        using var response = await server.Http.SendAsync(request);
        Assert.Equal(400, (int)response.StatusCode);
        Assert.Contains("Last-Event-ID", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(server.App.Calls);
    }

    /// <summary>Reads a text/event-stream one event at a time.</summary>
    private sealed class SseReader : IDisposable
    {
        private readonly HttpResponseMessage _response;
        private readonly StreamReader _reader;

        private SseReader(HttpResponseMessage response, StreamReader reader)
        {
            _response = response;
            _reader = reader;
        }

        public static async Task<SseReader> OpenAsync(ApiServer server, string path, string? lastEventId)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ApiServer.Token);
            if (lastEventId is not null)
                request.Headers.TryAddWithoutValidation("Last-Event-ID", lastEventId);
            var response = await server.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            Assert.Equal(200, (int)response.StatusCode);
            Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
            return new SseReader(response, new StreamReader(await response.Content.ReadAsStreamAsync()));
        }

        public async Task<(string? Id, string? Event, string Data)> NextAsync()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            string? id = null, name = null, data = null;
            while (true)
            {
                var line = await _reader.ReadLineAsync(timeout.Token) ?? throw new EndOfStreamException("the event stream ended");
                if (line.Length == 0)
                {
                    if (data is not null)
                        return (id, name, data);
                    continue;
                }
                if (line.StartsWith(':'))
                    continue;
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                var (field, value) = (line[..colon], line[(colon + 1)..].TrimStart(' '));
                switch (field)
                {
                    case "id": id = value; break;
                    case "event": name = value; break;
                    case "data": data = data is null ? value : data + "\n" + value; break;
                    default: throw new InvalidDataException($"unexpected field '{field}'");
                }
            }
        }

        public void Dispose()
        {
            _reader.Dispose();
            _response.Dispose();
        }
    }
}
