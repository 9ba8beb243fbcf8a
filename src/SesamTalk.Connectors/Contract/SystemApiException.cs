using System.Globalization;
using System.Net;

namespace SesamTalk.Connectors;

/// <summary>
/// A remote system refused a call or answered something unreadable: which system, the HTTP status, the system's own
/// error code and message, the record type and record concerned, and the fields the system named. Each connector's
/// API exception derives from it (<c>SalesforceApiException</c>, <c>ExactOnlineApiException</c>,
/// <c>SuperOfficeApiException</c>, <c>CustomSystemException</c>), so one catch serves every system.
/// </summary>
public abstract class SystemApiException : Exception
{
    /// <summary>The code for a success status whose body is not what the system's API documents.</summary>
    public const string MalformedResponse = "MALFORMED_RESPONSE";

    /// <summary>The code for an error status whose body is not the system's error shape (a proxy's page, a cut-off body).</summary>
    public const string UnreadableResponse = "UNREADABLE_RESPONSE";

    /// <summary>Creates the exception with a message that names the system, status, code, record and fields.</summary>
    /// <param name="system">The system's name as entities name it, e.g. <c>Salesforce</c>.</param>
    /// <param name="status">The HTTP status.</param>
    /// <param name="errorCode">The system's error code (may be empty where the system gives none).</param>
    /// <param name="remoteMessage">The system's own message.</param>
    /// <param name="recordType">The remote type, entity set or entity called, if any.</param>
    /// <param name="recordId">The record concerned, if any.</param>
    /// <param name="fields">The fields the error names.</param>
    protected SystemApiException(string system, HttpStatusCode status, string errorCode, string remoteMessage, string? recordType, string? recordId, IReadOnlyList<string> fields)
        : base(Describe(system, status, errorCode, remoteMessage, recordType, recordId, fields))
    {
        System = system;
        Status = status;
        ErrorCode = errorCode;
        RemoteMessage = remoteMessage;
        RecordType = recordType;
        RecordId = recordId;
        Fields = fields;
    }

    /// <summary>The refusal <paramref name="cause"/> with a message that says what it means for the caller.</summary>
    /// <param name="cause">The refusal as the system worded it.</param>
    /// <param name="message">What it means, naming what the call was about.</param>
    protected SystemApiException(SystemApiException cause, string message)
        : base(message, cause)
    {
        ArgumentNullException.ThrowIfNull(cause);
        System = cause.System;
        Status = cause.Status;
        ErrorCode = cause.ErrorCode;
        RemoteMessage = cause.RemoteMessage;
        RecordType = cause.RecordType;
        RecordId = cause.RecordId;
        Fields = cause.Fields;
    }

    /// <summary>The system's name, e.g. <c>Salesforce</c>, <c>ExactOnline</c> or a custom system's name.</summary>
    public string System { get; }

    /// <summary>The HTTP status.</summary>
    public HttpStatusCode Status { get; }

    /// <summary>The system's error code (<c>INVALID_FIELD</c>, <c>SoNotFoundException</c>, <c>validation</c>, ...); empty where the system gave none.</summary>
    public string ErrorCode { get; }

    /// <summary>The system's own message.</summary>
    public string RemoteMessage { get; }

    /// <summary>The remote type, entity set or entity called, if any.</summary>
    public string? RecordType { get; }

    /// <summary>The record concerned, if any.</summary>
    public string? RecordId { get; }

    /// <summary>The remote fields the error names.</summary>
    public IReadOnlyList<string> Fields { get; }

    /// <summary>The refusal as one record's error: the system's code (the HTTP status where it gave none), its message and fields.</summary>
    public RemoteRecordError ToRecordError() =>
        new(ErrorCode.Length > 0 ? ErrorCode : ((int)Status).ToString(CultureInfo.InvariantCulture), RemoteMessage, Fields);

    /// <summary>An unreadable body as the message of an exception: its first 200 characters.</summary>
    internal static string Excerpt(string body) => body.Length > 200 ? body[..200] + "..." : body;

    private static string Describe(string system, HttpStatusCode status, string errorCode, string message, string? recordType, string? recordId, IReadOnlyList<string> fields) =>
        $"{system} answered {(int)status}"
        + (errorCode.Length == 0 ? "" : " " + errorCode)
        + (recordType is null ? "" : $" on {recordType}")
        + (recordId is null ? "" : $" for record {recordId}")
        + (fields.Count == 0 ? "" : $" on field(s) {string.Join(", ", fields)}")
        + $": {message}";
}
