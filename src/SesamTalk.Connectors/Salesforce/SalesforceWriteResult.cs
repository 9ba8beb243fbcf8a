namespace SesamTalk.Connectors.Salesforce;

/// <summary>The outcome of writing one record: its id, or the error Salesforce gave for it.</summary>
/// <param name="Id">The record's id (the new id after a create), when Salesforce returned one.</param>
/// <param name="Error">Why the record was refused, or <see langword="null"/> when it was written.</param>
public sealed record SalesforceWriteResult(string? Id, SalesforceApiException? Error)
{
    /// <summary>Whether the record was written.</summary>
    public bool Succeeded => Error is null;
}
