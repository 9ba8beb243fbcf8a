using SesamTalk.Testing.Salesforce.Soql;

namespace SesamTalk.Testing.Salesforce.Bulk;

/// <summary>A query job: its parsed SOQL and, once processed, the result rows as CSV fields (a snapshot taken when it ran).</summary>
internal sealed class QueryJob(string id, string operation, SoqlQuery query, string objectName, CsvDialect dialect, string apiVersion, string createdById, DateTimeOffset now)
    : BulkJob(id, operation, objectName, dialect, apiVersion, createdById, now)
{
    public SoqlQuery Query { get; } = query;

    /// <summary>The result's column names, in the order the query selects them.</summary>
    public List<string> Header { get; set; } = [];

    public List<string[]> Rows { get; set; } = [];

    public override string JobType => "V2Query";
}
