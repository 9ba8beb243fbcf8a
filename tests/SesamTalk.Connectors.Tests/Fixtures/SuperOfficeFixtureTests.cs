using System.Net;
using System.Text;
using System.Text.Json;
using SesamTalk.Connectors.SuperOffice;

namespace SesamTalk.Connectors.Tests.Fixtures;

/// <summary>
/// The recorded and documented SuperOffice bodies in <c>../shared/fixtures/superoffice</c>, served to the real
/// connector (session and client through DI), or, for archive pages of providers the connector does not sync
/// (Project, Document), fed to the archive page reader that reads every archive row. The webhook payload and the
/// tenant-state body have no reader in the connector (it neither receives webhooks nor looks up tenant state).
/// </summary>
public class SuperOfficeFixtureTests
{
    private const string System = "superoffice";
    private const string BearerAccessToken = "8A:Cust12020.AR2s3phb0gXK8DP0NfoYlsrQAQAACIJ/KQ+cbGp0l9g8PJNlBCEZxS/1hL3Cxt8ITWlQipRbdknTbIFxUuUChHj4U1qUlP6/dJA+aKE1psfT8F4XwFlYBjvw6xmM086Vckm0Mmh+fEPuoLspl+EgtQzD0F8Ka4qLFGWICvUg==";

    [Fact]
    public async Task Oauth_bearer_response_redeems_the_code_keeps_its_refresh_token_and_authorises_the_contact_read()
    {
        var responses = new FixtureResponses()
            .On(HttpMethod.Get, SuperOfficeFixtureTenant.ApiPath + "Contact/912", FixtureFiles.Text(System, "contact_entity_docs_sample.json"));
        await using var tenant = SuperOfficeFixtureTenant.Start(responses, FixtureFiles.Text(System, "oauth_bearer_response.json"), refreshToken: null);

        await tenant.Session.RedeemAuthorizationCodeAsync("the-code");
        var token = await tenant.Session.GetTokenAsync(CancellationToken.None);
        var contact = await tenant.Client.GetAsync(SuperOfficeEntity.Contact, 912);

        Assert.Equal("KSamN1Tp4sd26pZJSGK6JobrWOUWorIZ2Y5XxcAqX86K9qoZRp4d3lUH32F4fiT3", await tenant.Tokens.LoadRefreshTokenAsync(CancellationToken.None));
        Assert.Equal(BearerAccessToken, token.AccessToken);
        Assert.Equal(SuperOfficeFixtureTenant.Now.AddSeconds(3600), token.ExpiresAt);
        Assert.Contains("grant_type=authorization_code", responses.Requests[0].Body, StringComparison.Ordinal);
        Assert.Contains("code=the-code", responses.Requests[0].Body, StringComparison.Ordinal);
        Assert.Equal("Bearer " + BearerAccessToken, responses.Requests[^1].Authorization);
        Assert.Equal(2, responses.Requests.Count);
        Assert.NotNull(contact);
        Assert.Equal("912", contact.Id);
        Assert.Equal("TechCorp Solutions", contact["Name"].AsString());
        Assert.Equal("608698", contact["OrgNr"].AsString());
        Assert.Equal("1158970", contact["Number1"].AsString());
        Assert.Equal(new DateTimeOffset(2003, 2, 2, 13, 34, 1, TimeSpan.Zero).AddTicks(7525885), contact.ModifiedAt);
        Assert.Equal(new DateTimeOffset(2007, 10, 4, 12, 34, 1, TimeSpan.Zero).AddTicks(7525885), contact["CreatedDate"].AsDateTimeOffset());
        Assert.Equal(2, contact["Emails"].AsRecords()!.Count);
        Assert.Equal("eum", contact["Emails"].AsRecords()![0]["Value"].AsString());
        Assert.Equal("Progressive eco-centric success", contact["Emails"].AsRecords()![0]["Description"].AsString());
        Assert.True(contact["Country"].IsNull);
        Assert.True(contact["Xstop"].AsBoolean());
        Assert.Equal(1, contact["Source"].AsInt32());
        Assert.False(contact.Contains("FieldProperties"));
        Assert.False(contact.Contains("Persons"));
    }

    [Fact]
    public async Task Contact_entity_docs_sample_gives_text_mapped_element_lists_their_first_value()
    {
        var responses = new FixtureResponses()
            .On(HttpMethod.Get, SuperOfficeFixtureTenant.ApiPath + "Contact/912", FixtureFiles.Text(System, "contact_entity_docs_sample.json"));
        await using var tenant = SuperOfficeFixtureTenant.Start(responses, FixtureFiles.Text(System, "oauth_bearer_response.json"));

        var contact = await tenant.Connector.GetAsync(new FieldListMapper("SuperOffice", "Contact", "Name", "Emails", "Phones", "Urls"), "912", CancellationToken.None);

        Assert.Equal("eum", contact!["Emails"].AsString());
        Assert.Equal("corrupti", contact["Phones"].AsString());
        Assert.Equal("vel", contact["Urls"].AsString());
    }

    [Fact]
    public async Task Oauth_refresh_response_gives_a_new_access_token_and_the_stored_refresh_token_is_kept()
    {
        var responses = new FixtureResponses()
            .On(HttpMethod.Get, SuperOfficeFixtureTenant.ApiPath + "Contact", FixtureFiles.Text(System, "blank_odata_response.json"));
        await using var tenant = SuperOfficeFixtureTenant.Start(responses, FixtureFiles.Text(System, "oauth_refresh_response.json"));

        var rows = await tenant.Client.ReadChangesAsync(SuperOfficeEntity.Contact, null).ToListAsync();

        Assert.Empty(rows); // blank_odata_response: an empty page ends the read
        Assert.Equal("stored-refresh-token", await tenant.Tokens.LoadRefreshTokenAsync(CancellationToken.None));
        Assert.Contains("grant_type=refresh_token", responses.Requests[0].Body, StringComparison.Ordinal);
        Assert.Contains("refresh_token=stored-refresh-token", responses.Requests[0].Body, StringComparison.Ordinal);
        Assert.StartsWith("Bearer 8A:Cust12345.AZuHwfgrRZPHqdjhQyay34ggAgAA8z5B", responses.Requests[1].Authorization, StringComparison.Ordinal);
        Assert.Equal(2, responses.Requests.Count);
    }

    [Fact]
    public async Task Oidc_bundle_token_with_expires_in_as_a_string_expires_after_those_seconds()
    {
        using var bundle = JsonDocument.Parse(FixtureFiles.Text(System, "oidc_token_principal_bundle.json"));
        var tokenBody = bundle.RootElement.GetProperty("items")[0].GetProperty("contentJson").GetRawText();
        await using var tenant = SuperOfficeFixtureTenant.Start(new FixtureResponses(), tokenBody);

        var token = await tenant.Session.GetTokenAsync(CancellationToken.None);

        Assert.Equal("8A:Cust12345.secret-access-token", token.AccessToken);
        Assert.Equal(SuperOfficeFixtureTenant.Now.AddSeconds(300), token.ExpiresAt);
        Assert.DoesNotContain("secret", token.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Error_404_contact_not_found_is_a_typed_not_found_and_a_get_answers_none()
    {
        var error = FixtureFiles.Text(System, "error_404_contact_not_found.json");
        var responses = new FixtureResponses()
            .On(HttpMethod.Get, SuperOfficeFixtureTenant.ApiPath + "Contact/99999", error, HttpStatusCode.NotFound)
            .On(HttpMethod.Patch, SuperOfficeFixtureTenant.ApiPath + "Contact/99999", error, HttpStatusCode.NotFound);
        await using var tenant = SuperOfficeFixtureTenant.Start(responses, FixtureFiles.Text(System, "oauth_refresh_response.json"));

        var none = await tenant.Client.GetAsync(SuperOfficeEntity.Contact, 99999);
        var thrown = await Assert.ThrowsAsync<SuperOfficeApiException>(() => tenant.Client.UpdateAsync(SuperOfficeEntity.Contact, new SyncRecord("Contact", "99999") { ["Name"] = SyncValue.From("x") }));
        var failed = Assert.Single(await tenant.Connector.UpdateAsync(new FieldListMapper("SuperOffice", "Contact", "Name"), [new SyncRecord("Contact", "99999") { ["Name"] = SyncValue.From("x") }], CancellationToken.None));

        Assert.Null(none);
        Assert.Equal(HttpStatusCode.NotFound, thrown.Status);
        Assert.Equal("SoNotFoundException", thrown.ErrorCode);
        Assert.Equal("Contact id 99999 not found", thrown.RemoteMessage);
        Assert.Equal("SoNotFoundException", failed.Error!.Code);
        Assert.Equal("Contact id 99999 not found", failed.Error.Message);
        Assert.Equal("99999", failed.Id);
    }

    [Fact]
    public async Task Quote_lines_docs_sample_is_read_by_the_quote_line_reader()
    {
        var responses = new FixtureResponses()
            .On(HttpMethod.Post, SuperOfficeFixtureTenant.ApiPath + "Agents/Quote/GetQuoteLines", FixtureFiles.Text(System, "quote_lines_docs_sample.json"));
        await using var tenant = SuperOfficeFixtureTenant.Start(responses, FixtureFiles.Text(System, "oauth_refresh_response.json"));

        var line = Assert.Single(await tenant.Client.GetQuoteLinesAsync(444));

        Assert.Equal("{\"QuoteAlternativeId\":444}", responses.Requests[^1].Body);
        Assert.Equal("688", line.Id);
        Assert.Equal("QuoteLine", line.Type);
        Assert.Equal(444, line["QuoteAlternativeId"].AsInt32());
        Assert.Equal("PROD-CRM-MARKETING-25", line["ERPProductKey"].AsString());
        Assert.Equal("SuperOffice Marketing - 25 User Licenses", line["Name"].AsString());
        Assert.Equal(25m, line["Quantity"].AsDecimal());
        Assert.Equal(593, line["Rank"].AsInt32());
        Assert.Equal(25m, line["VAT"].AsDecimal()); // a percentage on the line
        Assert.Equal(950m, line["UnitListPrice"].AsDecimal());
        Assert.Equal(1900m, line["DiscountAmount"].AsDecimal());
        Assert.Equal(23750m, line["SubTotal"].AsDecimal());
        Assert.Equal(21850m, line["TotalPrice"].AsDecimal());
        Assert.Equal("DiscountAmount", line["UserValueOverride"].AsString());
        Assert.True(line["IsSubscription"].AsBoolean());
        Assert.Equal(new DateTimeOffset(2024, 12, 31, 23, 0, 0, TimeSpan.Zero), line["SubscriptionStart"].AsDateTimeOffset());
        Assert.Equal("https://www.superoffice.com/marketing/", line["Url"].AsString());
        Assert.False(line.Contains("ExtraInfo"));
        Assert.Null(line.ModifiedAt); // quote lines carry no change stamp
    }

    [Fact]
    public void Projects_all_response_rows_and_cursor_through_the_archive_page_reader()
    {
        var rows = ReadPage("projects_all_response.json");

        var project = Assert.Single(rows);
        Assert.Equal("project", project.Type);
        Assert.Equal("1", project.Id);
        Assert.Equal("Example: Internal project", project["name"].AsString());
        Assert.Equal(1, project["projectId"].AsInt32());
        Assert.Equal("10011", project["number"].AsString());
        Assert.True(project["hasGuide"].AsBoolean());
        Assert.True(project["endDate"].IsNull); // 0001-01-01T00:00:00 is no date
        Assert.True(project["registeredDate"].IsNull);
        Assert.Equal(new DateTimeOffset(2020, 4, 22, 15, 51, 25, TimeSpan.Zero), project.ModifiedAt);
        Assert.Equal("2020-04-22T15:51:25/1", SuperOfficeChangeCursor.After(project).ToString());
    }

    [Fact]
    public void Projects_all_response_shows_empty_text_as_empty_and_times_to_the_second_which_an_archive_read_keeps()
    {
        var project = Assert.Single(ReadPage("projects_all_response.json"));

        // Entities answer times with seven fraction digits: the archive's forms differ, so a write's answer (an entity)
        // cannot stand for what the archive feed reads of the record.
        Assert.Equal("", project["registeredBy"].AsString());
        Assert.Equal("", project["imageThumbnail"].AsString());
        Assert.Equal(0, project.ModifiedAt!.Value.Millisecond);
    }

    [Fact]
    public void Documents_all_response_rows_and_cursor_through_the_archive_page_reader()
    {
        var rows = ReadPage("documents_all_response.json");

        Assert.Equal(["1", "2"], rows.Select(r => r.Id));
        Assert.All(rows, r => Assert.Equal("document", r.Type));
        Assert.Equal("1hogo9nbibp31", rows[0]["subject"].AsString());
        Assert.Equal(0, rows[0]["saleId"].AsInt32());
        Assert.True(rows[0]["isMail"].AsBoolean());
        Assert.Equal(new DateTimeOffset(2020, 4, 22, 16, 1, 59, TimeSpan.Zero), rows[0]["registeredDate"].AsDateTimeOffset());
        Assert.Equal(new DateTimeOffset(2020, 4, 22, 16, 2, 52, TimeSpan.Zero), rows[0].ModifiedAt);
        Assert.Equal(new DateTimeOffset(2020, 6, 2, 18, 22, 47, TimeSpan.Zero), rows[1].ModifiedAt);
        Assert.Equal("2020-06-02T18:22:47/2", SuperOfficeChangeCursor.After(rows[^1]).ToString());
    }

    [Fact]
    public void Blank_odata_response_has_no_rows()
    {
        Assert.Empty(ReadPage("blank_odata_response.json"));
    }

    private static List<SyncRecord> ReadPage(string file)
    {
        using var page = JsonDocument.Parse(Encoding.UTF8.GetBytes(FixtureFiles.Text(System, file)));
        return SuperOfficeRecordMapper.ReadPage(page.RootElement, SuperOfficeRecordMapper.ReadAnyRow);
    }
}
