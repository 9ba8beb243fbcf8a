using System.Net;

namespace SesamTalk.Connectors.Custom;

/// <summary>
/// A custom system refused a call with a problem+json body: carries the contract's stable
/// <see cref="SystemApiException.ErrorCode"/> (<c>validation</c>, <c>precondition-failed</c>, <c>gone</c>, ...), the
/// record type, the record and the fields it names.
/// </summary>
public sealed class CustomSystemException : SystemApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="system">The system's name.</param>
    /// <param name="status">The HTTP status.</param>
    /// <param name="code">The contract's error code.</param>
    /// <param name="detail">The server's explanation.</param>
    /// <param name="recordType">The record type concerned.</param>
    /// <param name="recordId">The record concerned, if any.</param>
    /// <param name="fields">The fields the error names.</param>
    public CustomSystemException(string system, HttpStatusCode status, string code, string detail, string? recordType, string? recordId, IReadOnlyList<string> fields)
        : base(system, status, code, detail, recordType, recordId, fields)
    {
    }
}
