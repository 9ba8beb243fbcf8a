using System.Net;
using System.Text.Json;
using SesamTalk.Connectors.Salesforce;

namespace SesamTalk.Connectors.Tests.Fixtures;

/// <summary>
/// The recorded Salesforce write results, error bodies and the updated/deleted bodies in
/// <c>../shared/fixtures/salesforce</c>, through the connector code that reads each shape.
/// </summary>
public class SalesforceWriteFixtureTests
{
    private const string Data = SalesforceFixtureOrg.DataPath;

    [Fact]
    public async Task Collections_create_response_gives_each_record_its_result_and_new_id()
    {
        var responses = new FixtureResponses()
            .On(HttpMethod.Post, Data + "composite/sobjects", FixtureFiles.Text("salesforce", "collections_create_response.json"));
        await using var org = SalesforceFixtureOrg.Start(responses);
        var record = new SyncRecord("Whizbang") { ["Text_Label"] = SyncValue.From("First Page") };

        var results = await org.Client.CreateAsync([record]);

        var result = Assert.Single(results);
        Assert.True(result.Succeeded);
        Assert.Null(result.Error);
        Assert.Equal("some_id", result.Id);
        Assert.Equal("some_id", record.Id);
        using var body = JsonDocument.Parse(responses.Requests[^1].Body!);
        Assert.False(body.RootElement.GetProperty("allOrNone").GetBoolean());
        var sent = Assert.Single(body.RootElement.GetProperty("records").EnumerateArray());
        Assert.Equal("Whizbang", sent.GetProperty("attributes").GetProperty("type").GetString());
        Assert.Equal("First Page", sent.GetProperty("Text_Label").GetString());
        Assert.False(sent.TryGetProperty("Id", out _));
    }

    [Fact]
    public void Create_response_has_the_per_record_result_shape_the_collections_reader_takes()
    {
        // POST /sobjects/{Object}/ answers one result with the same members as each sObject Collections item.
        var result = SalesforceClient.ReadResult(SharedFixtures.Json("salesforce", "create_response.json"), recordId: null);

        Assert.True(result.Succeeded);
        Assert.Equal("some_id", result.Id);
        Assert.Null(result.Error);
    }

    [Fact]
    public async Task Error_invalid_field_becomes_a_typed_exception_from_the_query()
    {
        var responses = new FixtureResponses()
            .On(HttpMethod.Get, Data + "sobjects/Bar/describe", SalesforceFixtureOrg.Describe(("Id", "id")))
            .On(HttpMethod.Get, Data + "query", FixtureFiles.Text("salesforce", "error_invalid_field.json"), HttpStatusCode.BadRequest);
        await using var org = SalesforceFixtureOrg.Start(responses);

        var error = await Assert.ThrowsAsync<SalesforceApiException>(() => org.Client.QueryAsync("SELECT foo FROM Bar").ToListAsync().AsTask());

        Assert.Equal(HttpStatusCode.BadRequest, error.Status);
        Assert.Equal("INVALID_FIELD", error.ErrorCode);
        Assert.Empty(error.Fields);
        Assert.Null(error.RecordId);
        Assert.Equal("Salesforce answered 400 INVALID_FIELD: No such column 'foo' on sobject of type Bar", error.Message);
    }

    [Fact]
    public async Task Composite_response_failure_sub_responses_read_as_errors_with_fields_optional()
    {
        var composite = SharedFixtures.Json("salesforce", "composite_response_failure.json").GetProperty("compositeResponse");
        var errors = new List<SalesforceApiException>();
        foreach (var part in composite.EnumerateArray())
        {
            using var response = new HttpResponseMessage((HttpStatusCode)part.GetProperty("httpStatusCode").GetInt32())
            {
                Content = new StringContent(part.GetProperty("body").GetRawText()),
            };
            errors.Add(await SalesforceErrors.ReadAsync(response, null, CancellationToken.None));
        }

        Assert.Equal(["PROCESSING_HALTED", "INVALID_FIELD"], errors.Select(e => e.ErrorCode));
        Assert.All(errors, e => Assert.Equal(HttpStatusCode.BadRequest, e.Status));
        Assert.All(errors, e => Assert.Empty(e.Fields));
        Assert.EndsWith(": The transaction was rolled back since another operation in the same transaction failed.", errors[0].Message, StringComparison.Ordinal);
        Assert.EndsWith(": Foreign key external ID: 0116 not found for field Invoice_External_Id__c in entity blng__Invoice__c", errors[1].Message, StringComparison.Ordinal);
    }

    // The connector finds changes with SOQL on SystemModstamp and does not call /updated or /deleted; what it shares
    // with these bodies is the datetime format, read by SalesforceWireFormat.
    [Fact]
    public void Get_updated_response_ids_and_latestDateCovered_parse()
    {
        var body = SharedFixtures.Json("salesforce", "get_updated_response.json");

        var ids = body.GetProperty("ids").EnumerateArray().Select(i => i.GetString()).ToList();
        var latest = SalesforceWireFormat.ParseDateTime(body.GetProperty("latestDateCovered").GetString()!);

        Assert.Equal(7, ids.Count);
        Assert.Equal("003q000000KvQ1tAAF", ids[0]);
        Assert.Equal("003q000000KwYFaAAN", ids[^1]);
        Assert.Equal(new DateTimeOffset(2015, 8, 19, 8, 17, 0, TimeSpan.Zero), latest);
    }

    [Fact]
    public void Get_deleted_response_dates_parse()
    {
        var body = SharedFixtures.Json("salesforce", "get_deleted_response.json");

        var deleted = Assert.Single(body.GetProperty("deletedRecords").EnumerateArray());

        Assert.Equal("a00D0000008pQRAIA2", deleted.GetProperty("id").GetString());
        Assert.Equal(new DateTimeOffset(2013, 5, 7, 22, 7, 19, TimeSpan.Zero), SalesforceWireFormat.ParseDateTime(deleted.GetProperty("deletedDate").GetString()!));
        Assert.Equal(new DateTimeOffset(2013, 5, 3, 15, 57, 0, TimeSpan.Zero), SalesforceWireFormat.ParseDateTime(body.GetProperty("earliestDateAvailable").GetString()!));
        Assert.Equal(new DateTimeOffset(2013, 5, 8, 21, 20, 0, TimeSpan.Zero), SalesforceWireFormat.ParseDateTime(body.GetProperty("latestDateCovered").GetString()!));
    }
}
