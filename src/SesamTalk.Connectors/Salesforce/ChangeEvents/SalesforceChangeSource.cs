using Grpc.Core;
using Microsoft.Extensions.Logging;
using SesamTalk.Connectors.LinkStore;
using SesamTalk.Connectors.Notifications;

namespace SesamTalk.Connectors.Salesforce.ChangeEvents;

/// <summary>
/// One org's change data capture as the engine's change source: subscribes to the change events of the flows' remote
/// types over the Pub/Sub API, says each type is live once the stream is open, passes every event on as
/// <see cref="ISyncChangeNotifications.RemoteChanged"/>, and keeps the replay id in the link store
/// (<see cref="IChangeSubscriptionStore"/>, keyed by org and channel) so a restart resumes after the last event handled.
/// An expired replay id, or a stream that keeps failing, reports the types lost (the engine then polls and runs a full
/// cycle); the source subscribes again: from the newest event after an expiry, after a wait that doubles with each
/// failure otherwise.
/// </summary>
internal sealed class SalesforceChangeSource(
    string system,
    SalesforceChangeEventSubscriber subscriber,
    IChangeSubscriptionStore? positions,
    TimeSpan maxRetryDelay,
    ILogger<SalesforceChangeSource> logger,
    TimeProvider clock) : ISyncChangeSource
{
    /// <inheritdoc />
    public string System => system;

    /// <inheritdoc />
    public async Task RunAsync(IReadOnlyCollection<string> remoteTypes, ISyncChangeNotifications notifications, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(remoteTypes);
        ArgumentNullException.ThrowIfNull(notifications);
        if (remoteTypes.Count == 0)
        {
            return;
        }

        var topic = SalesforceChangeEventSubscriber.TopicFor(remoteTypes);
        var state = new ReportedState(system, remoteTypes, notifications);
        var names = remoteTypes.Distinct(StringComparer.OrdinalIgnoreCase).ToDictionary(t => t, StringComparer.OrdinalIgnoreCase);
        using var checkpoint = new ReplayIdCheckpoint(positions, system, topic, clock, logger);
        if (positions is null)
        {
            ChangeEventLog.NoPositionStore(logger, system, topic);
        }

        var position = await checkpoint.LoadAsync(cancellationToken).ConfigureAwait(false);
        using var saving = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var saver = checkpoint.RunAsync(saving.Token);
        var failures = 0;
        try
        {
            while (true)
            {
                try
                {
                    await foreach (var batch in subscriber.StreamAsync(remoteTypes, position, state.Live, cancellationToken).ConfigureAwait(false))
                    {
                        failures = 0;
                        ChangeEventNotices.Pass(system, names, batch.Changes, notifications);
                        position = batch.ResumeAfter;
                        await checkpoint.AdvanceAsync(position, batch.Changes.Count, cancellationToken).ConfigureAwait(false);
                    }
                }
                catch (SalesforceReplayIdExpiredException expired)
                {
                    // The events since the stored replay id may be gone: the flows read since their cursors (asked for
                    // here too, as the engine runs that cycle on a lost report only for a type it knew live), and the
                    // stream starts anew from the newest event.
                    ChangeEventLog.ReplayIdExpired(logger, system, topic);
                    state.Lost(expired.Message, always: true);
                    foreach (var type in names.Values)
                    {
                        notifications.RemoteChanged(new SyncTarget(system, type), []);
                    }

                    position = null;
                }
                catch (RpcException refused) when (IsRefusedForGood(refused.StatusCode))
                {
                    state.Lost($"Salesforce refused the subscription to {topic} ({refused.StatusCode}: {refused.Status.Detail}).", always: false);
                    throw;
                }
                catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    failures++;
                    var delay = StreamBackoff.After(failures, maxRetryDelay);
                    ChangeEventLog.StreamLost(logger, system, topic, failures, delay, error);
                    state.Lost($"The change event stream of {topic} failed ({Describe(error)}); subscribing again in {delay.TotalSeconds:0.#} s.", always: false);
                    await Task.Delay(delay, clock, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
        finally
        {
            await saving.CancelAsync().ConfigureAwait(false);
            await saver.ConfigureAwait(false);
            await checkpoint.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>Statuses after which subscribing again fails the same way: a channel that is not there, no permission, a bad request.</summary>
    private static bool IsRefusedForGood(StatusCode status) =>
        status is StatusCode.NotFound or StatusCode.PermissionDenied or StatusCode.InvalidArgument or StatusCode.FailedPrecondition or StatusCode.Unimplemented;

    /// <summary>The failure for health and logs: a gRPC status and Salesforce's detail, or the exception's message (neither carries the token).</summary>
    private static string Describe(Exception error) => error is RpcException rpc ? $"{rpc.StatusCode}: {rpc.Status.Detail}" : error.Message;

    /// <summary>What the engine was last told about the source's types, so it hears each change of state once.</summary>
    private sealed class ReportedState(string system, IReadOnlyCollection<string> remoteTypes, ISyncChangeNotifications notifications)
    {
        private bool? _live;

        /// <summary>The stream is open: the types are live (said once until they are lost).</summary>
        public void Live()
        {
            if (_live != true)
            {
                Report(true, null);
            }
        }

        /// <summary>The types are lost for <paramref name="reason"/>: said when they were live or not yet reported, or <paramref name="always"/>.</summary>
        public void Lost(string reason, bool always)
        {
            if (always || _live != false)
            {
                Report(false, reason);
            }
        }

        private void Report(bool live, string? reason)
        {
            _live = live;
            foreach (var type in remoteTypes)
            {
                notifications.SourceState(new SyncTarget(system, type), live, reason);
            }
        }
    }
}
