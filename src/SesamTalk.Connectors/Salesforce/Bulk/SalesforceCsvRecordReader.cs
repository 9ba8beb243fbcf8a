namespace SesamTalk.Connectors.Salesforce;

/// <summary>
/// Turns one row of Bulk API 2.0 query results into a <see cref="SyncRecord"/> equal to what a REST read of the same
/// record gives: each cell typed by its field's describe type, parent fields (<c>Account.Name</c> columns) left out as
/// the REST reader leaves nested relationship objects out.
/// </summary>
internal static class SalesforceCsvRecordReader
{
    public static SyncRecord Read(IReadOnlyList<string> header, IReadOnlyList<string> cells, string type, IReadOnlyDictionary<string, string> fieldTypes)
    {
        if (cells.Count != header.Count)
        {
            throw new SalesforceApiException(System.Net.HttpStatusCode.OK, SystemApiException.MalformedResponse, $"A result row has {cells.Count} values for {header.Count} columns.", []);
        }

        var record = new SyncRecord(type);
        for (var i = 0; i < header.Count; i++)
        {
            if (header[i].Contains('.', StringComparison.Ordinal))
            {
                continue;
            }

            fieldTypes.TryGetValue(header[i], out var fieldType);
            record[header[i]] = SalesforceBulkCell.Read(cells[i], fieldType);
        }

        return SalesforceRecordReader.WithIdentity(record);
    }
}
