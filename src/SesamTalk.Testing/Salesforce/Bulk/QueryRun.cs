using System.Diagnostics;
using System.Text.Json.Nodes;
using SesamTalk.Testing.Salesforce.Soql;

namespace SesamTalk.Testing.Salesforce.Bulk;

/// <summary>
/// Processes a query job: runs its SOQL once (query or queryAll) and keeps the rows as CSV fields, a snapshot that later
/// writes do not change. Parent fields are flat columns named by their path (<c>Account.Name</c>); without ORDER BY rows
/// come in id order, as primary-key chunking returns them.
/// </summary>
internal sealed class QueryRun(SalesforceOrg org)
{
    public Task ProcessAsync(QueryJob job)
    {
        var clock = Stopwatch.StartNew();
        lock (job.Gate)
        {
            if (job.State != BulkJobState.UploadComplete)
            {
                return Task.CompletedTask; // aborted while queued
            }

            job.MoveTo(BulkJobState.InProgress, org.Now);
        }

        var schema = org.Schemas.Find(job.Query.From)!;
        var paths = job.Query.Fields.Select(f => FieldPath.Bind(org.Schemas, schema, f)).ToList();
        List<string[]> rows;
        lock (org.Records.Gate)
        {
            var (json, _) = new SoqlEngine(org.Schemas, org.Records).Execute(job.Query, job.Operation == "queryAll", "/services/data/v" + job.ApiVersion);
            rows = [.. json.Select(row => paths.Select(path => CsvCell.Write(path.Field, Read(row, path))).ToArray())];
        }

        lock (job.Gate)
        {
            job.Header = [.. paths.Select(Name)];
            job.Rows = rows;
            job.RecordsProcessed = rows.Count;
            job.ProcessingMilliseconds = clock.ElapsedMilliseconds;
            if (job.State != BulkJobState.Aborted)
            {
                job.MoveTo(BulkJobState.JobComplete, org.Now);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>The column name: the relationship path and the field, as SOQL names them.</summary>
    private static string Name(FieldPath path) => string.Join(".", path.Hops.Select(h => h.RelationshipName).Append(path.Field.Name));

    /// <summary>The value at the end of <paramref name="path"/> in a projected REST row (parents are nested records).</summary>
    private static JsonNode? Read(JsonObject row, FieldPath path)
    {
        JsonObject? current = row;
        foreach (var hop in path.Hops)
        {
            current = current?[hop.RelationshipName!] as JsonObject;
        }

        return current?[path.Field.Name];
    }
}
