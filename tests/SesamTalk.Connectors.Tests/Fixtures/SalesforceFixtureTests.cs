using System.Net;
using SesamTalk.Connectors.Salesforce;

namespace SesamTalk.Connectors.Tests.Fixtures;

/// <summary>
/// The recorded Salesforce token and query bodies in <c>../shared/fixtures/salesforce</c>, served to the real
/// connector (session and client through DI) or, for a lone record, fed to the record reader that reads every
/// query row. Writes and error bodies: see <see cref="SalesforceWriteFixtureTests"/>.
/// </summary>
public class SalesforceFixtureTests
{
    private const string AccessToken = "00Dx0000000BV7z!AR8AQAxo9UfVkh8AlV0Gomt9Czx9LjHnSSpwBMmbRcgKFmxOtvxjTrKW19ye6PE3Ds1eQz3z8jr3W7_VbWmEu4Q8TVGSTHxs";
    private const string Instance = "https://na1.salesforce.com";
    private const string Data = SalesforceFixtureOrg.DataPath;

    [Fact]
    public async Task Token_response_password_flow_gives_the_token_and_instance_the_client_then_uses()
    {
        var responses = new FixtureResponses()
            .On(HttpMethod.Get, Data + "sobjects/Whizbang/describe", SalesforceFixtureOrg.Describe(("Text_Label", "string")))
            .On(HttpMethod.Get, Data + "query", FixtureFiles.Text("salesforce", "query_page2_last.json"));
        await using var org = SalesforceFixtureOrg.Start(responses);

        var token = await org.Session.GetTokenAsync(CancellationToken.None);
        await org.Client.QueryAsync("SELECT Text_Label FROM Whizbang").ToListAsync();

        Assert.Equal(AccessToken, token.AccessToken);
        Assert.Equal(new Uri(Instance), token.InstanceUrl);
        Assert.DoesNotContain(AccessToken, token.ToString(), StringComparison.Ordinal);
        var requests = responses.Requests;
        Assert.Equal(new Uri(SalesforceFixtureOrg.LoginHost + "services/oauth2/token"), requests[0].Uri);
        Assert.Contains("grant_type=client_credentials", requests[0].Body, StringComparison.Ordinal);
        Assert.All(requests.Skip(1), r => Assert.Equal("na1.salesforce.com", r.Uri.Host));
        Assert.All(requests.Skip(1), r => Assert.Equal("Bearer " + AccessToken, r.Authorization));
        Assert.Single(requests, r => r.Method == HttpMethod.Post);
    }

    [Fact]
    public async Task Token_error_invalid_grant_stops_the_client_and_needs_reauthorization()
    {
        var responses = new FixtureResponses()
            .On(HttpMethod.Post, SalesforceFixtureOrg.TokenPath, FixtureFiles.Text("salesforce", "token_error_invalid_grant.json"), HttpStatusCode.BadRequest);
        await using var org = SalesforceFixtureOrg.Start(responses, routeToken: false);

        var error = await Assert.ThrowsAsync<SalesforceAuthenticationException>(() => org.Client.QueryAsync("SELECT Id FROM Account").ToListAsync().AsTask());

        Assert.Equal("invalid_grant", error.Error);
        Assert.True(error.NeedsReauthorization);
        Assert.Contains("400 invalid_grant", error.Message, StringComparison.Ordinal);
        var inner = Assert.IsType<SalesforceApiException>(error.InnerException);
        Assert.Equal(HttpStatusCode.BadRequest, inner.Status);
        Assert.Equal("invalid_grant", inner.ErrorCode);
        Assert.Empty(inner.Fields);
        Assert.EndsWith(": expired access/refresh token", inner.Message, StringComparison.Ordinal);
        Assert.Single(responses.Requests);
    }

    [Fact]
    public async Task Query_page1_with_nextRecordsUrl_is_followed_to_the_last_page()
    {
        var responses = new FixtureResponses()
            .On(HttpMethod.Get, Data + "sobjects/Whizbang/describe", SalesforceFixtureOrg.Describe(("Text_Label", "string")))
            .On(HttpMethod.Get, Data + "query", FixtureFiles.Text("salesforce", "query_page1_with_nextRecordsUrl.json"))
            .On(HttpMethod.Get, "/services/data/v26.0/query/01gD", FixtureFiles.Text("salesforce", "query_page2_last.json"));
        await using var org = SalesforceFixtureOrg.Start(responses);

        var records = await org.Client.QueryAsync("SELECT Text_Label FROM Whizbang").ToListAsync();

        Assert.Equal(["First Page", "Last Page"], records.Select(r => r["Text_Label"].AsString()));
        Assert.All(records, r => Assert.Equal("Whizbang", r.Type));
        Assert.All(records, r => Assert.Equal(["Text_Label"], r.FieldNames));
        Assert.All(records, r => Assert.Null(r.Id));
        Assert.Equal(new Uri(Instance + "/services/data/v26.0/query/01gD"), responses.Requests[^1].Uri);
        Assert.Equal(4, responses.Requests.Count);
    }

    [Fact]
    public async Task Query_page2_last_ends_the_stream_without_another_call()
    {
        var responses = new FixtureResponses()
            .On(HttpMethod.Get, Data + "sobjects/Whizbang/describe", SalesforceFixtureOrg.Describe(("Text_Label", "string")))
            .On(HttpMethod.Get, Data + "query", FixtureFiles.Text("salesforce", "query_page2_last.json"));
        await using var org = SalesforceFixtureOrg.Start(responses);

        var record = await org.Client.QueryAsync("SELECT Text_Label FROM Whizbang").SingleAsync();

        Assert.Equal("Last Page", record["Text_Label"].AsString());
        Assert.Equal("Whizbang", record.Type);
        Assert.Equal(1, responses.Requests.Count(r => r.Uri.AbsolutePath.Contains("/query", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Query_with_relationships_skips_the_parent_objects_and_types_SystemModstamp()
    {
        var responses = new FixtureResponses()
            .On(HttpMethod.Get, Data + "sobjects/Case/describe", SalesforceFixtureOrg.Describe(
                ("Id", "id"), ("CaseNumber", "string"), ("SystemModstamp", "datetime"), ("AccountId", "reference"), ("ContactId", "reference")))
            .On(HttpMethod.Get, Data + "query", FixtureFiles.Text("salesforce", "query_with_relationships.json"));
        await using var org = SalesforceFixtureOrg.Start(responses);

        var record = await org.Client.QueryAsync("SELECT Id, CaseNumber, SystemModstamp, Account.Name, Contact.Name FROM Case").SingleAsync();

        var stamp = new DateTimeOffset(2013, 4, 4, 20, 52, 22, TimeSpan.Zero);
        Assert.Equal("Case", record.Type);
        Assert.Equal("500i000000171NZAAY", record.Id);
        Assert.Equal(["Id", "CaseNumber", "SystemModstamp"], record.FieldNames);
        Assert.Equal(SyncValueKind.String, record["CaseNumber"].Kind);
        Assert.Equal("00001000", record["CaseNumber"].AsString());
        Assert.Equal(SyncValueKind.DateTime, record["SystemModstamp"].Kind);
        Assert.Equal(stamp, record["SystemModstamp"].AsDateTimeOffset());
        Assert.Equal(stamp, record.ModifiedAt);
        Assert.False(record.IsDeleted);
    }

    [Fact]
    public void Contact_record_is_typed_by_its_describe_types_and_skips_the_compound_address()
    {
        var json = SharedFixtures.Json("salesforce", "contact_record.json");
        var types = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Id"] = "id", ["IsDeleted"] = "boolean", ["AccountId"] = "reference", ["MailingPostalCode"] = "string",
            ["MailingLatitude"] = "double", ["MailingAddress"] = "address", ["Birthdate"] = "date", ["LastActivityDate"] = "date",
            ["CreatedDate"] = "datetime", ["LastModifiedDate"] = "datetime", ["SystemModstamp"] = "datetime",
            ["LastViewedDate"] = "datetime", ["EmailBouncedDate"] = "datetime", ["IsEmailBounced"] = "boolean",
        };

        var record = SalesforceRecordReader.Read(json, "Contact", types);

        var at = new DateTimeOffset(2017, 4, 25, 16, 21, 44, TimeSpan.Zero);
        Assert.Equal("Contact", record.Type);
        Assert.Equal("003i000004cs62sAAA", record.Id);
        Assert.Equal(at, record.ModifiedAt);
        Assert.False(record.IsDeleted);
        Assert.Equal(58, record.Count);
        Assert.False(record.Contains("attributes"));
        Assert.False(record.Contains("MailingAddress"));
        Assert.True(record["OtherAddress"].IsNull);
        Assert.Equal(SyncValueKind.DateTime, record["CreatedDate"].Kind);
        Assert.Equal(at, record["LastViewedDate"].AsDateTimeOffset());
        Assert.True(record["Birthdate"].IsNull);
        Assert.True(record["Level__c"].IsNull);
        Assert.Equal(SyncValueKind.String, record["MailingPostalCode"].Kind);
        Assert.Equal("10001", record["MailingPostalCode"].AsString());
        Assert.Equal("001i000002C8QTIAA3", record["AccountId"].AsString());
        Assert.Equal("John Smith", record["Name"].AsString());
        Assert.Equal("(212) 555-1212", record["Phone"].AsString());
        Assert.Equal("johnsmith@example.com", record["Email"].AsString());
        Assert.Equal(false, record["IsEmailBounced"].AsBoolean());
        Assert.Equal("/services/images/photo/003i000004cs62sAAA", record["PhotoUrl"].AsString());
    }
}
