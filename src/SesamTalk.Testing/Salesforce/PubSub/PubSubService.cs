using System.Collections.Concurrent;
using Eventbus.V1;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace SesamTalk.Testing.Salesforce.PubSub;

/// <summary>
/// The Pub/Sub API service (<c>eventbus.v1.PubSub</c>) over the org's change data capture: GetTopic and GetSchema for
/// the change event channels, and Subscribe with the API's pull-based flow control and replay presets.
/// </summary>
internal sealed class PubSubService(SalesforceOrg org, ChangeDataCapture capture, PubSubOptions options) : Eventbus.V1.PubSub.PubSubBase
{
    private readonly PubSubAuthentication _authentication = new(org);
    private readonly ConcurrentDictionary<HttpContext, bool> _streams = new();

    /// <summary>Subscribe streams open now (counted once their first FetchRequest is accepted).</summary>
    public int OpenStreams => _streams.Count;

    /// <summary>Cuts every open Subscribe stream, as a network failure or a server restart would (clients see the call fail with UNAVAILABLE or INTERNAL).</summary>
    public void DropStreams()
    {
        foreach (var stream in _streams.Keys)
        {
            try
            {
                stream.Abort();
            }
            catch (ObjectDisposedException)
            {
                // The stream ended between listing and cutting it (its context is gone): nothing left to cut.
            }
        }
    }

    public override Task<TopicInfo> GetTopic(TopicRequest request, ServerCallContext context)
    {
        var rpcId = Authenticate(context);
        if (!capture.TryResolve(request.TopicName, out var single))
        {
            throw PubSubErrors.TopicNotFound(request.TopicName, rpcId);
        }

        return Task.FromResult(new TopicInfo
        {
            TopicName = request.TopicName,
            TenantGuid = org.OrgId,
            CanPublish = false,
            CanSubscribe = true,
            SchemaId = single?.Id ?? "",
            RpcId = rpcId,
        });
    }

    public override Task<SchemaInfo> GetSchema(SchemaRequest request, ServerCallContext context)
    {
        var rpcId = Authenticate(context);
        var schema = capture.SchemaById(request.SchemaId) ?? throw PubSubErrors.SchemaNotFound(request.SchemaId, rpcId);
        return Task.FromResult(new SchemaInfo { SchemaId = schema.Id, SchemaJson = schema.Json, RpcId = rpcId });
    }

    public override async Task Subscribe(IAsyncStreamReader<FetchRequest> requestStream, IServerStreamWriter<FetchResponse> responseStream, ServerCallContext context)
    {
        var rpcId = Authenticate(context);
        var cancellationToken = context.CancellationToken;
        if (!await requestStream.MoveNext(cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var first = requestStream.Current;
        if (!capture.TryResolve(first.TopicName, out var single))
        {
            throw PubSubErrors.TopicNotFound(first.TopicName, rpcId);
        }

        var position = StartPosition(first, rpcId);
        var demand = new SubscriptionDemand();
        demand.Add(first.NumRequested);
        var http = context.GetHttpContext();
        _streams[http] = true;
        try
        {
            var reading = ReadRequestsAsync(requestStream, first.TopicName, demand, rpcId, cancellationToken);
            Func<StoredChangeEvent, bool> matches = single is null ? _ => true : e => e.Entity == single.Entity;
            var lastSent = DateTimeOffset.UtcNow;
            while (!cancellationToken.IsCancellationRequested)
            {
                var published = capture.Bus.NextPublish;
                var requested = demand.NextRequest;
                var batch = demand.Pending > 0 ? capture.Bus.After(position, matches, Math.Min(demand.Pending, options.MaxEventsPerResponse)) : [];
                if (batch.Count > 0)
                {
                    demand.Take(batch.Count);
                    position = batch[^1].Position;
                    await responseStream.WriteAsync(Response(batch, position, demand.Pending, rpcId, capture.Bus), cancellationToken).ConfigureAwait(false);
                    lastSent = DateTimeOffset.UtcNow;
                    continue;
                }

                var untilKeepAlive = options.KeepAliveInterval - (DateTimeOffset.UtcNow - lastSent);
                Task woken;
                using (var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
                {
                    woken = await Task.WhenAny(published, requested, reading, Task.Delay(untilKeepAlive > TimeSpan.Zero ? untilKeepAlive : TimeSpan.Zero, wait.Token)).ConfigureAwait(false);
                    await wait.CancelAsync().ConfigureAwait(false);
                }

                if (woken == reading)
                {
                    await reading.ConfigureAwait(false);
                    reading = Task.Delay(Timeout.Infinite, cancellationToken);
                }
                else if (woken != published && woken != requested && !cancellationToken.IsCancellationRequested)
                {
                    // Nothing matching is waiting: the keepalive carries the newest replay id, so a client that
                    // stores it skips the events of other channels on its next subscription.
                    if (capture.Bus.After(position, matches, 1).Count == 0)
                    {
                        position = Math.Max(position, capture.Bus.Latest);
                    }

                    await responseStream.WriteAsync(Response([], position, demand.Pending, rpcId, capture.Bus), cancellationToken).ConfigureAwait(false);
                    lastSent = DateTimeOffset.UtcNow;
                }
            }
        }
        finally
        {
            _streams.TryRemove(http, out _);
        }
    }

    /// <summary>Where the subscription starts: after this position (LATEST: the newest event; EARLIEST: before the oldest retained one; CUSTOM: the given replay id).</summary>
    private long StartPosition(FetchRequest first, string rpcId) => first.ReplayPreset switch
    {
        ReplayPreset.Latest => capture.Bus.Latest,
        ReplayPreset.Earliest => capture.Bus.Earliest,
        _ => ReplayId.Decode(first.ReplayId.Span) is { } after && capture.Bus.CanReplayAfter(after) ? after : throw PubSubErrors.CorruptedReplayId(rpcId),
    };

    /// <summary>Adds each further FetchRequest's num_requested; ends when the client closes its side.</summary>
    private static async Task ReadRequestsAsync(IAsyncStreamReader<FetchRequest> requests, string topicName, SubscriptionDemand demand, string rpcId, CancellationToken cancellationToken)
    {
        while (await requests.MoveNext(cancellationToken).ConfigureAwait(false))
        {
            var request = requests.Current;
            if (request.TopicName.Length > 0 && request.TopicName != topicName)
            {
                throw PubSubErrors.InvalidArgument($"The topic '{request.TopicName}' differs from the subscription's topic '{topicName}'.", rpcId);
            }

            demand.Add(request.NumRequested);
        }
    }

    private static FetchResponse Response(List<StoredChangeEvent> events, long latest, int pending, string rpcId, ChangeEventBus bus)
    {
        var response = new FetchResponse { LatestReplayId = ByteString.CopyFrom(ReplayId.Encode(latest)), RpcId = rpcId, PendingNumRequested = pending };
        response.Events.AddRange(events.Select(e => new ConsumerEvent
        {
            ReplayId = ByteString.CopyFrom(ReplayId.Encode(e.Position)),
            Event = new ProducerEvent { Id = bus.EventId(e.Position), SchemaId = e.SchemaId, Payload = ByteString.CopyFrom(e.Payload) },
        }));
        return response;
    }

    private string Authenticate(ServerCallContext context)
    {
        var rpcId = Guid.NewGuid().ToString();
        _authentication.Check(context, rpcId);
        return rpcId;
    }
}
