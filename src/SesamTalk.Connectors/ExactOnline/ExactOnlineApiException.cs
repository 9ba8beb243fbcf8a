using System.Net;

namespace SesamTalk.Connectors.ExactOnline;

/// <summary>
/// Exact Online refused a call or answered something unreadable: carries the HTTP status, Exact's error code (often
/// empty at Exact; <see cref="MalformedResponse"/> or <see cref="UnreadableResponse"/> for bodies that are not Exact's),
/// Exact's message (<c>error.message.value</c>), and the entity set and record concerned when there are any.
/// </summary>
public sealed class ExactOnlineApiException : Exception
{
    /// <summary>The code for a success status whose body is not the JSON expected.</summary>
    public const string MalformedResponse = "MALFORMED_RESPONSE";

    /// <summary>The code for an error status whose body is not Exact's error JSON.</summary>
    public const string UnreadableResponse = "UNREADABLE_RESPONSE";

    /// <summary>Creates the exception.</summary>
    /// <param name="status">The HTTP status.</param>
    /// <param name="errorCode">Exact's error code, or one of this class's constants.</param>
    /// <param name="remoteMessage">Exact's message.</param>
    /// <param name="entitySet">The entity set called, if any.</param>
    /// <param name="recordId">The record concerned, if any.</param>
    public ExactOnlineApiException(HttpStatusCode status, string errorCode, string remoteMessage, string? entitySet, string? recordId)
        : base(Describe(status, errorCode, remoteMessage, entitySet, recordId))
    {
        Status = status;
        ErrorCode = errorCode;
        RemoteMessage = remoteMessage;
        EntitySet = entitySet;
        RecordId = recordId;
    }

    /// <summary>The HTTP status.</summary>
    public HttpStatusCode Status { get; }

    /// <summary>Exact's error code (often empty), or <see cref="MalformedResponse"/> / <see cref="UnreadableResponse"/>.</summary>
    public string ErrorCode { get; }

    /// <summary>Exact's message, e.g. <c>Mandatory: OrderedBy</c>.</summary>
    public string RemoteMessage { get; }

    /// <summary>The entity set called, if any.</summary>
    public string? EntitySet { get; }

    /// <summary>The record concerned, if any.</summary>
    public string? RecordId { get; }

    private static string Describe(HttpStatusCode status, string errorCode, string message, string? entitySet, string? recordId) =>
        $"Exact Online answered {(int)status}"
        + (errorCode.Length == 0 ? "" : " " + errorCode)
        + (entitySet is null ? "" : $" on {entitySet}")
        + (recordId is null ? "" : $" for record {recordId}")
        + $": {message}";
}
