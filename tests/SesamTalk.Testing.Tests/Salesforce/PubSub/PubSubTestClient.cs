using Avro;
using Avro.Generic;
using Avro.IO;
using Eventbus.V1;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using SesamTalk.Testing.Salesforce;

namespace SesamTalk.Testing.Tests.Salesforce.PubSub;

/// <summary>A plain gRPC client of the emulator's Pub/Sub API with a valid session, as any Pub/Sub API client would be.</summary>
internal sealed class PubSubTestClient : IDisposable
{
    private readonly GrpcChannel _channel;

    /// <summary>Where the tests' manual clocks start.</summary>
    public static DateTimeOffset ClockStart { get; } = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public PubSubTestClient(SalesforceEmulator emulator)
    {
        _channel = GrpcChannel.ForAddress(emulator.PubSubUrl);
        Client = new Eventbus.V1.PubSub.PubSubClient(_channel);
        Headers = new Metadata
        {
            { "accesstoken", emulator.IssueAccessToken() },
            { "instanceurl", emulator.BaseUrl.ToString().TrimEnd('/') },
            { "tenantid", emulator.OrgId },
        };
    }

    public Eventbus.V1.PubSub.PubSubClient Client { get; }

    public Metadata Headers { get; }

    public Subscription Subscribe(string topic, ReplayPreset preset, int numRequested, ByteString? replayId = null) =>
        new(Client.Subscribe(Headers), new FetchRequest { TopicName = topic, ReplayPreset = preset, NumRequested = numRequested, ReplayId = replayId ?? ByteString.Empty });

    /// <summary>Reads an event's payload with the schema GetSchema returns for its schema id.</summary>
    public async Task<DecodedEvent> DecodeAsync(ConsumerEvent consumed)
    {
        var info = await Client.GetSchemaAsync(new SchemaRequest { SchemaId = consumed.Event.SchemaId }, Headers);
        Assert.Equal(consumed.Event.SchemaId, info.SchemaId);
        var schema = (RecordSchema)Schema.Parse(info.SchemaJson);
        using var stream = new MemoryStream(consumed.Event.Payload.ToByteArray());
        var record = new GenericDatumReader<GenericRecord>(schema, schema).Read(null!, new BinaryDecoder(stream));
        return new DecodedEvent(schema, record, (GenericRecord)record["ChangeEventHeader"]);
    }

    public void Dispose() => _channel.Dispose();

    /// <summary>One Subscribe stream; reads wait at most a given time without ending the call.</summary>
    internal sealed class Subscription : IDisposable
    {
        private readonly AsyncDuplexStreamingCall<FetchRequest, FetchResponse> _call;
        private readonly Task _first;
        private Task<bool>? _reading;

        public Subscription(AsyncDuplexStreamingCall<FetchRequest, FetchResponse> call, FetchRequest first)
        {
            _call = call;
            _first = call.RequestStream.WriteAsync(first);
        }

        public async Task RequestAsync(int numRequested)
        {
            await _first;
            await _call.RequestStream.WriteAsync(new FetchRequest { NumRequested = numRequested });
        }

        /// <summary>The next FetchResponse, or null when none comes within <paramref name="wait"/>.</summary>
        public async Task<FetchResponse?> NextAsync(TimeSpan wait)
        {
            await _first;
            _reading ??= _call.ResponseStream.MoveNext(CancellationToken.None);
            if (await Task.WhenAny(_reading, Task.Delay(wait)) != _reading)
            {
                return null;
            }

            var more = await _reading;
            _reading = null;
            Assert.True(more, "The server ended the stream.");
            return _call.ResponseStream.Current;
        }

        /// <summary>Reads responses until <paramref name="count"/> events have come (ten seconds at most).</summary>
        public async Task<List<ConsumerEvent>> EventsAsync(int count)
        {
            var events = new List<ConsumerEvent>();
            while (events.Count < count)
            {
                var response = await NextAsync(TimeSpan.FromSeconds(10)) ?? throw new TimeoutException($"{events.Count} of {count} events came.");
                events.AddRange(response.Events);
            }

            Assert.Equal(count, events.Count);
            return events;
        }

        public void Dispose() => _call.Dispose();
    }
}

/// <summary>A change event read with its schema.</summary>
internal sealed record DecodedEvent(RecordSchema Schema, GenericRecord Record, GenericRecord Header)
{
    public string[] Strings(string headerField) => [.. ((object[])Header[headerField]).Cast<string>()];

    public string ChangeType => ((GenericEnum)Header["changeType"]).Value;

    /// <summary>The schema position of a field (the bit that marks it in a bitmap).</summary>
    public int Position(string field) => Schema[field].Pos;
}
