using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using SesamTalk.Testing.Salesforce.Data;
using SesamTalk.Testing.Salesforce.Http;
using SesamTalk.Testing.Salesforce.Schema;

namespace SesamTalk.Testing.Salesforce.Bulk;

/// <summary>
/// Processes an ingest job as Salesforce does: the header must name fields of the object (else the job fails with
/// <c>InvalidBatch : Field name not found</c>), then every row is written on its own with the same per-record
/// validation as sObject Collections, a refused row failing alone. Rows are processed a thousand at a time (the
/// counters grow as they go) and take one batch of the daily allocation per 10,000; an abort stops between steps and
/// leaves the rest unprocessed.
/// </summary>
internal sealed class IngestRun(SalesforceOrg org)
{
    private const int RowsPerStep = 1_000;
    private const int RowsPerBatch = 10_000;

    public async Task ProcessAsync(IngestJob job)
    {
        var clock = Stopwatch.StartNew();
        lock (job.Gate)
        {
            if (job.State != BulkJobState.UploadComplete)
            {
                return; // aborted while queued
            }

            job.MoveTo(BulkJobState.InProgress, org.Now);
        }

        var schema = org.Schemas.Find(job.Object)!;
        var (columns, problem) = Prepare(job, schema);
        while (problem is null)
        {
            lock (job.Gate)
            {
                if (job.State == BulkJobState.Aborted || job.NextRow >= job.Rows.Count)
                {
                    break;
                }
            }

            if (job.NextRow % RowsPerBatch == 0 && !org.Bulk.TryTakeBatch())
            {
                problem = $"ExceededQuota : The org's {org.Bulk.BatchLimit} batches for 24 hours are used up";
                break;
            }

            Step(job, schema, columns);
            await Task.Yield();
        }

        lock (job.Gate)
        {
            job.ProcessingMilliseconds = clock.ElapsedMilliseconds;
            if (problem is not null)
            {
                job.ErrorMessage = problem;
                job.MoveTo(BulkJobState.Failed, org.Now);
            }
            else if (job.State != BulkJobState.Aborted)
            {
                job.MoveTo(BulkJobState.JobComplete, org.Now);
            }
        }
    }

    /// <summary>Reads the uploaded CSV and binds its header to fields; the job-level problem when it cannot.</summary>
    private static (FieldSchema?[] Columns, string? Problem) Prepare(IngestJob job, SObjectSchema schema)
    {
        if (job.Data is null)
        {
            return ([], "InvalidBatch : No data was uploaded for the job");
        }

        if (BulkCsv.Read(job.Data, job.Dialect) is not { } rows)
        {
            return ([], "InvalidBatch : Failed to parse CSV: a quoted field has no closing quote");
        }

        if (rows.Count == 0)
        {
            return ([], "InvalidBatch : The uploaded CSV has no header row");
        }

        job.Header = rows[0];
        job.Rows = rows.GetRange(1, rows.Count - 1);
        var columns = new FieldSchema?[job.Header.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            columns[i] = schema.Field(job.Header[i].Trim());
            if (columns[i] is null)
            {
                return ([], $"InvalidBatch : Field name not found : {job.Header[i]}");
            }
        }

        return (columns, null);
    }

    /// <summary>Writes the next step of rows (never past a batch boundary) under the store's gate.</summary>
    private void Step(IngestJob job, SObjectSchema schema, FieldSchema?[] columns)
    {
        var end = Math.Min(job.Rows.Count, Math.Min(job.NextRow + RowsPerStep, ((job.NextRow / RowsPerBatch) + 1) * RowsPerBatch));
        var outcomes = new List<(string[] Row, string? Id, bool Created, SalesforceError? Error)>(end - job.NextRow);
        lock (org.Records.Gate)
        {
            var now = org.Now;
            var keys = job.Operation == "upsert" ? new ExternalIdIndex(org.Records, schema, job.ExternalIdFieldName!) : null;
            for (var i = job.NextRow; i < end; i++)
            {
                var row = job.Rows[i];
                var (id, created, error) = Write(job, schema, columns, row, keys, now);
                outcomes.Add((row, id, created, error));
            }
        }

        lock (job.Gate)
        {
            foreach (var (row, id, created, error) in outcomes)
            {
                if (error is null)
                {
                    job.Succeeded.Add((id!, created, row));
                }
                else
                {
                    job.Failures.Add((id ?? "", Describe(error), row));
                    job.RecordsFailed++;
                }
            }

            job.NextRow = end;
            job.RecordsProcessed = end;
        }
    }

    private (string? Id, bool Created, SalesforceError? Error) Write(
        IngestJob job, SObjectSchema schema, FieldSchema?[] columns, string[] row, ExternalIdIndex? keys, DateTimeOffset now)
    {
        if (row.Length != columns.Length)
        {
            return (null, false, new SalesforceError(
                "INVALID_FIELD", string.Create(CultureInfo.InvariantCulture, $"Wrong number of columns: the header has {columns.Length}, the row {row.Length}"), []));
        }

        var id = Cell(columns, row, "Id");
        if (job.Operation == "delete")
        {
            return Delete(schema, id, now);
        }

        var (values, unreadable) = Values(columns, row);
        if (unreadable is not null)
        {
            return (id, false, unreadable);
        }

        return job.Operation switch
        {
            "insert" => id is null ? Insert(schema, values, now) : (null, false, new SalesforceError("INVALID_FIELD", "cannot specify Id in an insert call", ["Id"])),
            "update" => Update(schema, id, values, now),
            _ => Upsert(schema, job.ExternalIdFieldName!, Cell(columns, row, job.ExternalIdFieldName!), values, keys!, now),
        };
    }

    private (string? Id, bool Created, SalesforceError? Error) Insert(SObjectSchema schema, JsonObject values, DateTimeOffset now)
    {
        if (!schema.Createable)
        {
            return (null, false, new SalesforceError("INVALID_TYPE_FOR_OPERATION", $"entity type cannot be inserted: {schema.Name}", []));
        }

        var (valid, errors) = Validate(schema, values, WriteKind.Create);
        return errors.Count > 0 ? (null, false, errors[0]) : (org.Writer.Insert(schema, valid, now).Id, true, null);
    }

    private (string? Id, bool Created, SalesforceError? Error) Update(SObjectSchema schema, string? id, JsonObject values, DateTimeOffset now)
    {
        if (id is null)
        {
            return (null, false, new SalesforceError("MISSING_ARGUMENT", "Id not specified in an update call", []));
        }

        var (existing, error) = LiveRecord.Find(org.Records, schema, id, $"{schema.Name} ID: id value of incorrect type: {id}", ["Id"]);
        if (existing is null)
        {
            return (id, false, error);
        }

        if (!schema.Updateable)
        {
            return (existing.Id, false, new SalesforceError("INVALID_TYPE_FOR_OPERATION", $"entity type cannot be updated: {schema.Name}", []));
        }

        var (valid, errors) = Validate(schema, values, WriteKind.Update);
        if (errors.Count > 0)
        {
            return (existing.Id, false, errors[0]);
        }

        org.Writer.Update(existing, valid, now);
        return (existing.Id, false, null);
    }

    private (string? Id, bool Created, SalesforceError? Error) Upsert(
        SObjectSchema schema, string keyField, string? key, JsonObject values, ExternalIdIndex keys, DateTimeOffset now)
    {
        if (key is null or CsvCell.Null)
        {
            return (null, false, new SalesforceError("MISSING_ARGUMENT", $"{keyField} not specified", []));
        }

        var matches = keys.Find(key);
        if (matches.Count > 1)
        {
            return (null, false, new SalesforceError(
                "DUPLICATE_EXTERNAL_ID", $"{keyField}: more than one record found for external id field: [{string.Join(", ", matches.Select(m => m.Id))}]", [keyField]));
        }

        if (matches.Count == 1)
        {
            return Update(schema, matches[0].Id, values, now);
        }

        var created = Insert(schema, values, now);
        if (created.Error is null)
        {
            keys.Add(key, org.Records.Find(created.Id)!);
        }

        return created;
    }

    private (string? Id, bool Created, SalesforceError? Error) Delete(SObjectSchema schema, string? id, DateTimeOffset now)
    {
        if (id is null)
        {
            return (null, false, new SalesforceError("MISSING_ARGUMENT", "Id not specified in a delete call", []));
        }

        var (existing, error) = LiveRecord.Find(org.Records, schema, id, $"malformed id {id}", []);
        if (existing is null)
        {
            return (id, false, error);
        }

        if (!schema.Deletable)
        {
            return (existing.Id, false, new SalesforceError("INVALID_TYPE_FOR_OPERATION", "entity type cannot be deleted", []));
        }

        org.Writer.Delete(existing, now);
        return (existing.Id, false, null);
    }

    /// <summary>The collections validation, whose request-level refusals become the row's error here.</summary>
    private (Dictionary<string, JsonNode?> Values, List<SalesforceError> Errors) Validate(SObjectSchema schema, JsonObject values, WriteKind kind)
    {
        try
        {
            return org.Validator.Validate(schema, values, kind);
        }
        catch (ApiException refused) when (refused.Response.Body is JsonArray { Count: > 0 } errors)
        {
            return ([], [new SalesforceError((string)errors[0]!["errorCode"]!, (string)errors[0]!["message"]!, [])]);
        }
    }

    /// <summary>The row's fields other than Id as REST JSON values; the error of the first cell that is not of its field's type.</summary>
    private static (JsonObject Values, SalesforceError? Error) Values(FieldSchema?[] columns, string[] row)
    {
        var values = new JsonObject();
        for (var i = 0; i < columns.Length; i++)
        {
            var field = columns[i]!;
            if (row[i].Length == 0 || field.Name == "Id")
            {
                continue;
            }

            if (!CsvCell.TryRead(field, row[i], out var value))
            {
                return (values, CsvCell.Unreadable(field, row[i], i + 1));
            }

            values[field.Name] = value;
        }

        return (values, null);
    }

    private static string? Cell(FieldSchema?[] columns, string[] row, string field)
    {
        var index = Array.FindIndex(columns, c => string.Equals(c!.Name, field, StringComparison.OrdinalIgnoreCase));
        return index >= 0 && row[index].Length > 0 ? row[index] : null;
    }

    /// <summary>A row's error as result files write it: <c>CODE:message:Field,Field --</c>.</summary>
    private static string Describe(SalesforceError error) => $"{error.Code}:{error.Message}:{string.Join(",", error.Fields ?? [])} --";
}
