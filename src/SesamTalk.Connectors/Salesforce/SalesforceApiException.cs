using System.Net;

namespace SesamTalk.Connectors.Salesforce;

/// <summary>
/// Salesforce refused a call: carries the HTTP status, Salesforce's error code (<c>INVALID_FIELD</c>,
/// <c>REQUIRED_FIELD_MISSING</c>, ...), the fields it names, and the record concerned when there is one.
/// </summary>
public sealed class SalesforceApiException : SystemApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="status">The HTTP status.</param>
    /// <param name="errorCode">Salesforce's error code.</param>
    /// <param name="message">Salesforce's message.</param>
    /// <param name="fields">The fields the error names.</param>
    /// <param name="recordId">The record concerned, if any.</param>
    public SalesforceApiException(HttpStatusCode status, string errorCode, string message, IReadOnlyList<string> fields, string? recordId = null)
        : base("Salesforce", status, errorCode, message, recordType: null, recordId, fields)
    {
    }

    /// <summary>Salesforce's refusal <paramref name="cause"/> with a message that says what it means for the caller.</summary>
    /// <param name="cause">The refusal as Salesforce worded it.</param>
    /// <param name="message">What it means, naming what the call was about.</param>
    internal SalesforceApiException(SalesforceApiException cause, string message)
        : base(cause, message)
    {
    }
}
