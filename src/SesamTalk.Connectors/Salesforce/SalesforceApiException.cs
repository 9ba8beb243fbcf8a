using System.Net;

namespace SesamTalk.Connectors.Salesforce;

/// <summary>
/// Salesforce refused a call: carries the HTTP status, Salesforce's error code (<c>INVALID_FIELD</c>,
/// <c>REQUIRED_FIELD_MISSING</c>, ...), the fields it names, and the record concerned when there is one.
/// </summary>
public sealed class SalesforceApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="status">The HTTP status.</param>
    /// <param name="errorCode">Salesforce's error code.</param>
    /// <param name="message">Salesforce's message.</param>
    /// <param name="fields">The fields the error names.</param>
    /// <param name="recordId">The record concerned, if any.</param>
    public SalesforceApiException(HttpStatusCode status, string errorCode, string message, IReadOnlyList<string> fields, string? recordId = null)
        : base(Describe(status, errorCode, message, fields, recordId))
    {
        Status = status;
        ErrorCode = errorCode;
        RemoteMessage = message;
        Fields = fields;
        RecordId = recordId;
    }

    /// <summary>Salesforce's refusal <paramref name="cause"/> with a message that says what it means for the caller.</summary>
    /// <param name="cause">The refusal as Salesforce worded it.</param>
    /// <param name="message">What it means, naming what the call was about.</param>
    internal SalesforceApiException(SalesforceApiException cause, string message)
        : base(message, cause)
    {
        Status = cause.Status;
        ErrorCode = cause.ErrorCode;
        RemoteMessage = cause.RemoteMessage;
        Fields = cause.Fields;
        RecordId = cause.RecordId;
    }

    /// <summary>The HTTP status.</summary>
    public HttpStatusCode Status { get; }

    /// <summary>Salesforce's error code.</summary>
    public string ErrorCode { get; }

    /// <summary>Salesforce's own message, e.g. <c>Required fields are missing: [Name]</c>.</summary>
    public string RemoteMessage { get; }

    /// <summary>The fields the error names.</summary>
    public IReadOnlyList<string> Fields { get; }

    /// <summary>The record concerned, if any.</summary>
    public string? RecordId { get; }

    private static string Describe(HttpStatusCode status, string errorCode, string message, IReadOnlyList<string> fields, string? recordId) =>
        $"Salesforce answered {(int)status} {errorCode}"
        + (recordId is null ? "" : $" for record {recordId}")
        + (fields.Count == 0 ? "" : $" on field(s) {string.Join(", ", fields)}")
        + $": {message}";
}
