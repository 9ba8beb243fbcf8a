using Grpc.Core;

namespace SesamTalk.Testing.Salesforce.PubSub;

/// <summary>
/// The Pub/Sub API's errors: a gRPC status whose message ends in the call's rpcId, with Salesforce's own code in the
/// <c>error-code</c> trailer and the rpcId in the <c>rpc-id</c> trailer.
/// </summary>
internal static class PubSubErrors
{
    /// <summary>The error code of a replay id that is invalid or outside the retention window.</summary>
    public const string ReplayIdCorrupted = "sfdc.platform.eventbus.grpc.subscription.fetch.replayid.corrupted";

    /// <summary>The error code of missing or invalid authentication headers.</summary>
    public const string AuthError = "sfdc.platform.eventbus.grpc.service.auth.error";

    public static RpcException Unauthenticated(string rpcId) =>
        Create(StatusCode.Unauthenticated, AuthError, "An authentication exception occurred. Provide valid authentication via metadata headers.", rpcId);

    public static RpcException CorruptedReplayId(string rpcId) =>
        Create(StatusCode.InvalidArgument, ReplayIdCorrupted, "The Replay ID validation failed. Ensure that the Replay ID is valid.", rpcId);

    /// <summary>A topic that is not a change event channel of the org (no Salesforce error code is documented for it).</summary>
    public static RpcException TopicNotFound(string topicName, string rpcId) =>
        Create(StatusCode.NotFound, null, $"The topic '{topicName}' is not a change event channel of this org.", rpcId);

    public static RpcException SchemaNotFound(string schemaId, string rpcId) =>
        Create(StatusCode.NotFound, null, $"No schema with id '{schemaId}'.", rpcId);

    public static RpcException InvalidArgument(string message, string rpcId) => Create(StatusCode.InvalidArgument, null, message, rpcId);

    private static RpcException Create(StatusCode status, string? errorCode, string message, string rpcId)
    {
        var trailers = new Metadata { { "rpc-id", rpcId } };
        if (errorCode is not null)
        {
            trailers.Add("error-code", errorCode);
        }

        return new RpcException(new Status(status, $"{message} rpcId: {rpcId}"), trailers);
    }
}
