using System.Net;

namespace SesamTalk.Connectors.Custom;

/// <summary>
/// A custom system refused a call with a problem+json body: carries the stable <see cref="Code"/>
/// (<c>validation</c>, <c>precondition-failed</c>, <c>gone</c>, ...), the record and the fields it names.
/// </summary>
public sealed class CustomSystemException : Exception
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
        : base($"{system} answered {(int)status} {code}" + (recordId is null ? "" : $" for {recordType} {recordId}") + (fields.Count == 0 ? "" : $" on field(s) {string.Join(", ", fields)}") + $": {detail}")
    {
        System = system;
        Status = status;
        Code = code;
        RecordType = recordType;
        RecordId = recordId;
        Fields = fields;
    }

    /// <summary>The system's name.</summary>
    public string System { get; }

    /// <summary>The HTTP status.</summary>
    public HttpStatusCode Status { get; }

    /// <summary>The contract's stable error code.</summary>
    public string Code { get; }

    /// <summary>The record type concerned.</summary>
    public string? RecordType { get; }

    /// <summary>The record concerned, if any.</summary>
    public string? RecordId { get; }

    /// <summary>The fields the error names.</summary>
    public IReadOnlyList<string> Fields { get; }
}
