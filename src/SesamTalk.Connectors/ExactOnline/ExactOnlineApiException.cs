using System.Net;

namespace SesamTalk.Connectors.ExactOnline;

/// <summary>
/// Exact Online refused a call or answered something unreadable: the HTTP status, Exact's error code (often empty at
/// Exact; <see cref="SystemApiException.MalformedResponse"/> or <see cref="SystemApiException.UnreadableResponse"/> for bodies that are not Exact's), Exact's
/// message (<c>error.message.value</c>), the field it names, and the entity set (<see cref="SystemApiException.RecordType"/>)
/// and record concerned when there are any.
/// </summary>
public sealed class ExactOnlineApiException : SystemApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="status">The HTTP status.</param>
    /// <param name="errorCode">Exact's error code, or <see cref="SystemApiException.MalformedResponse"/> / <see cref="SystemApiException.UnreadableResponse"/>.</param>
    /// <param name="remoteMessage">Exact's message.</param>
    /// <param name="entitySet">The entity set called, if any.</param>
    /// <param name="recordId">The record concerned, if any.</param>
    public ExactOnlineApiException(HttpStatusCode status, string errorCode, string remoteMessage, string? entitySet, string? recordId)
        : base("ExactOnline", status, errorCode, remoteMessage, entitySet, recordId, ExactOnlineErrors.Fields(remoteMessage))
    {
    }
}
