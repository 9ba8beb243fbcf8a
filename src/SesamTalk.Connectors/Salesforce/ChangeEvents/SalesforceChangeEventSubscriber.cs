using System.Runtime.CompilerServices;
using Eventbus.V1;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SesamTalk.Connectors.Salesforce.ChangeEvents;

/// <summary>
/// Subscribes to Salesforce change data capture over the Pub/Sub API (gRPC, <see cref="SalesforceOptions.PubSubUrl"/>)
/// and yields each change event decoded (entity, record ids, change type, changed fields, commit time, replay id). It
/// authenticates with the connector's OAuth session, asks for events in batches (the API's pull-based flow control),
/// decodes the Avro payloads with the schemas GetSchema returns (fetched once per schema id) and, when the stream
/// drops, subscribes again after the last event it yielded, waiting longer after each failure in a row.
/// </summary>
public sealed class SalesforceChangeEventSubscriber : IDisposable
{
    /// <summary>Events asked for at a time; more are asked for when half have arrived.</summary>
    internal const int BatchSize = 100;

    private const string ReplayIdCorrupted = "sfdc.platform.eventbus.grpc.subscription.fetch.replayid.corrupted";

    private readonly SalesforceSession _session;
    private readonly SalesforceOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _clock;
    private readonly GrpcChannel _channel;
    private readonly PubSub.PubSubClient _client;
    private readonly ChangeEventSchemas _schemas;

    /// <summary>Creates the subscriber (DI does this: every org <c>AddSalesforce</c> adds has one, a keyed service under the org's name).</summary>
    /// <param name="session">The org's OAuth session.</param>
    /// <param name="options">The org's options (<see cref="SalesforceOptions.PubSubUrl"/>, <see cref="SalesforceOptions.MaxRetries"/>, <see cref="SalesforceOptions.MaxRetryDelay"/>).</param>
    /// <param name="logger">Logs subscriptions and reconnects.</param>
    /// <param name="clock">Times the waits between reconnects.</param>
    public SalesforceChangeEventSubscriber(SalesforceSession session, IOptions<SalesforceOptions> options, ILogger<SalesforceChangeEventSubscriber> logger, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        _session = session;
        _options = options.Value;
        _logger = logger;
        _clock = clock;
        _channel = GrpcChannel.ForAddress(_options.PubSubUrl, new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler
            {
                EnableMultipleHttp2Connections = true,
                KeepAlivePingDelay = TimeSpan.FromSeconds(60),
                KeepAlivePingTimeout = TimeSpan.FromSeconds(30),
            },
        });
        _client = new PubSub.PubSubClient(_channel);
        _schemas = new ChangeEventSchemas(_client);
    }

    /// <summary>
    /// The channel that carries the change events of <paramref name="objectTypes"/>: <c>/data/{Object}ChangeEvent</c>
    /// (<c>/data/Project__ChangeEvent</c> for <c>Project__c</c>) for one object, the standard <c>/data/ChangeEvents</c>
    /// for several.
    /// </summary>
    /// <param name="objectTypes">The objects' API names.</param>
    public static string TopicFor(IReadOnlyCollection<string> objectTypes)
    {
        ArgumentNullException.ThrowIfNull(objectTypes);
        if (objectTypes.Count != 1)
        {
            return "/data/ChangeEvents";
        }

        var entity = objectTypes.First();
        return "/data/" + (entity.EndsWith("__c", StringComparison.Ordinal) ? entity[..^1] : entity) + "ChangeEvent";
    }

    /// <summary>
    /// Change events of <paramref name="objectTypes"/>, from after <paramref name="replayId"/> (or from now on when it
    /// is null), until <paramref name="cancellationToken"/> fires. Store each notification's replay id once it is
    /// handled, and pass the last one when subscribing again.
    /// </summary>
    /// <param name="objectTypes">The objects whose changes to receive (Change Data Capture must be on for them in the org).</param>
    /// <param name="replayId">The stored replay id to resume after (base64, from <see cref="SalesforceChangeNotification.ReplayId"/>); null for only new events.</param>
    /// <param name="cancellationToken">Ends the subscription.</param>
    /// <exception cref="SalesforceReplayIdExpiredException">Salesforce no longer has the events after <paramref name="replayId"/>: read in full, then subscribe without a replay id.</exception>
    /// <exception cref="RpcException">The stream failed <see cref="SalesforceOptions.MaxRetries"/> times in a row, or Salesforce refused the subscription.</exception>
    public async IAsyncEnumerable<SalesforceChangeNotification> SubscribeAsync(
        IReadOnlyCollection<string> objectTypes, string? replayId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var batch in StreamAsync(objectTypes, replayId, subscribed: null, cancellationToken).ConfigureAwait(false))
        {
            foreach (var notification in batch.Changes)
            {
                yield return notification;
            }
        }
    }

    /// <summary>
    /// <see cref="SubscribeAsync"/> a response at a time: each response's notifications of <paramref name="objectTypes"/>
    /// with the replay id to resume after once they are handled (a keepalive's too, which has none), and
    /// <paramref name="subscribed"/> called each time a stream is opened (its first FetchRequest sent).
    /// </summary>
    internal async IAsyncEnumerable<ChangeEventBatch> StreamAsync(
        IReadOnlyCollection<string> objectTypes, string? replayId, Action? subscribed, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(objectTypes);
        if (objectTypes.Count == 0)
        {
            throw new ArgumentException("Name at least one object type to subscribe to.", nameof(objectTypes));
        }

        var topic = TopicFor(objectTypes);
        var wanted = new HashSet<string>(objectTypes, StringComparer.OrdinalIgnoreCase);
        var resumeAfter = replayId is null ? null : ParseReplayId(replayId);
        var failures = 0;
        while (true)
        {
            var token = await _session.GetTokenAsync(cancellationToken).ConfigureAwait(false);
            var headers = Headers(token);
            ChangeEventLog.Subscribing(_logger, topic, resumeAfter is null ? "from now on" : "after replay id " + resumeAfter.ToBase64());
            using var call = _client.Subscribe(headers, cancellationToken: cancellationToken);
            var outstanding = BatchSize;
            var failure = await SendAsync(call, Request(topic, resumeAfter), cancellationToken).ConfigureAwait(false);
            if (failure is null)
            {
                subscribed?.Invoke();
            }

            while (failure is null)
            {
                (var response, failure) = await ReceiveAsync(call, cancellationToken).ConfigureAwait(false);
                if (response is null)
                {
                    break;
                }

                failures = 0;
                var changes = new List<SalesforceChangeNotification>(response.Events.Count);
                foreach (var consumed in response.Events)
                {
                    resumeAfter = consumed.ReplayId;
                    var schema = await _schemas.GetAsync(consumed.Event.SchemaId, headers, cancellationToken).ConfigureAwait(false);
                    var notification = ChangeEventDecoder.Decode(schema, consumed.Event.Payload.Span, consumed.ReplayId.ToBase64());
                    if (wanted.Contains(notification.Entity))
                    {
                        changes.Add(notification);
                    }
                }

                if (response.Events.Count == 0 && !response.LatestReplayId.IsEmpty)
                {
                    // A keepalive: nothing of this channel is waiting up to its latest replay id.
                    resumeAfter = response.LatestReplayId;
                }

                if (resumeAfter is not null)
                {
                    yield return new ChangeEventBatch(changes, resumeAfter.ToBase64());
                }

                outstanding -= response.Events.Count;
                if (outstanding <= BatchSize / 2)
                {
                    failure = await SendAsync(call, new FetchRequest { NumRequested = BatchSize - outstanding }, cancellationToken).ConfigureAwait(false);
                    outstanding = BatchSize;
                }
            }

            // The server ended the stream without a status (a closed connection): resume like after any drop.
            failure ??= new RpcException(new Status(StatusCode.Unavailable, "The Pub/Sub API closed the stream."));
            if (IsCorruptedReplayId(failure))
            {
                throw new SalesforceReplayIdExpiredException(topic, resumeAfter?.ToBase64() ?? "", failure);
            }

            failures++;
            if (failure.StatusCode == StatusCode.Unauthenticated && failures == 1)
            {
                _session.Invalidate(token);
                continue;
            }

            if (!IsTransient(failure.StatusCode) || failures > _options.MaxRetries)
            {
                throw failure;
            }

            var delay = StreamBackoff.After(failures, _options.MaxRetryDelay);
            ChangeEventLog.Reconnecting(_logger, topic, failure.StatusCode, failures, _options.MaxRetries, delay);
            await Task.Delay(delay, _clock, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _channel.Dispose();

    private static FetchRequest Request(string topic, ByteString? resumeAfter) => resumeAfter is null
        ? new FetchRequest { TopicName = topic, ReplayPreset = ReplayPreset.Latest, NumRequested = BatchSize }
        : new FetchRequest { TopicName = topic, ReplayPreset = ReplayPreset.Custom, ReplayId = resumeAfter, NumRequested = BatchSize };

    /// <summary>
    /// The session headers the Pub/Sub API authenticates by. The tenant id is the org id, which a Salesforce session id
    /// starts with (<c>00D…!…</c>): the 15-character form, which the API accepts as it does the 18-character one.
    /// </summary>
    private static Metadata Headers(SalesforceToken token)
    {
        var bang = token.AccessToken.IndexOf('!', StringComparison.Ordinal);
        if (bang != 15)
        {
            throw new InvalidOperationException("The Salesforce access token does not start with the org id ('00D…!'), which the Pub/Sub API needs as its tenantid.");
        }

        return new Metadata
        {
            { "accesstoken", token.AccessToken },
            { "instanceurl", token.InstanceUrl.ToString().TrimEnd('/') },
            { "tenantid", token.AccessToken[..bang] },
        };
    }

    private static ByteString ParseReplayId(string replayId)
    {
        try
        {
            return ByteString.FromBase64(replayId);
        }
        catch (FormatException e)
        {
            throw new ArgumentException($"Replay id '{replayId}' is not base64: pass a SalesforceChangeNotification.ReplayId as it was.", nameof(replayId), e);
        }
    }

    private static bool IsCorruptedReplayId(RpcException failure) =>
        failure.StatusCode == StatusCode.InvalidArgument && failure.Trailers.GetValue("error-code") == ReplayIdCorrupted;

    /// <summary>Failures of the connection or the service, after which subscribing again can work.</summary>
    private static bool IsTransient(StatusCode status) => status is StatusCode.Unavailable or StatusCode.Internal or StatusCode.Unknown
        or StatusCode.Cancelled or StatusCode.DeadlineExceeded or StatusCode.ResourceExhausted or StatusCode.Aborted;

    private static async Task<RpcException?> SendAsync(AsyncDuplexStreamingCall<FetchRequest, FetchResponse> call, FetchRequest request, CancellationToken cancellationToken)
    {
        try
        {
            await call.RequestStream.WriteAsync(request, cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (RpcException e) when (!cancellationToken.IsCancellationRequested)
        {
            return e;
        }
        catch (InvalidOperationException) when (!cancellationToken.IsCancellationRequested)
        {
            // The call already ended; its status comes with the next read.
            return null;
        }
    }

    private static async Task<(FetchResponse? Response, RpcException? Failure)> ReceiveAsync(AsyncDuplexStreamingCall<FetchRequest, FetchResponse> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call.ResponseStream.MoveNext(cancellationToken).ConfigureAwait(false) ? (call.ResponseStream.Current, null) : (null, null);
        }
        catch (RpcException e) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, e);
        }
        catch (RpcException e)
        {
            throw new OperationCanceledException("The change event subscription was cancelled.", e, cancellationToken);
        }
    }
}
