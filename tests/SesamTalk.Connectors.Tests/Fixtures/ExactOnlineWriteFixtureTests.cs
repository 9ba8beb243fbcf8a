using System.Net;
using System.Text.Json.Nodes;
using SesamTalk.Connectors.ExactOnline;

namespace SesamTalk.Connectors.Tests.Fixtures;

/// <summary>The recorded deep-insert request body in <c>../shared/fixtures/exactonline</c>, as the real client writes it.</summary>
public class ExactOnlineWriteFixtureTests
{
    [Fact]
    public async Task Request_body_post_header_with_lines_is_what_the_client_posts()
    {
        var responses = new FixtureResponses().On(HttpMethod.Post, "/api/v1/499156/salesinvoice/SalesInvoices",
            FixtureFiles.Text("exactonline", "salesinvoice_single_with_expanded_lines.json"), HttpStatusCode.Created);
        await using var company = ExactOnlineFixtureCompany.Start(responses);
        var customer = Guid.Parse("3734121e-1544-4b77-9ae2-7203e9bd6046");
        var line = new SyncRecord("SalesInvoiceLines")
        {
            ["Description"] = SyncValue.From("NewInvoiceForEntityWithCollection"),
            ["Item"] = SyncValue.From(Guid.Parse("4f68481a-7a2c-4fbc-a3a0-0c494df3fa0d")),
        };
        var invoice = new SyncRecord("SalesInvoices")
        {
            ["Currency"] = SyncValue.From("EUR"),
            ["Description"] = SyncValue.From("NewInvoiceForEntityWithCollection"),
            ["InvoiceTo"] = SyncValue.From(customer),
            ["Journal"] = SyncValue.From("50"),
            ["OrderDate"] = SyncValue.From(new DateOnly(2012, 10, 26)),
            ["OrderedBy"] = SyncValue.From(customer),
            ["Lines"] = SyncValue.From([line]),
        };

        var created = await company.Client.CreateAsync(ExactOnlineFixtureTests.SalesInvoices, invoice);

        var request = Assert.Single(company.ApiRequests);
        Assert.Equal(HttpMethod.Post, request.Method);
        var expected = JsonNode.Parse(FixtureFiles.Text("exactonline", "request_body_post_header_with_lines.json"))!;
        Assert.Equal(expected.ToJsonString(), JsonNode.Parse(request.Body!)!.ToJsonString());
        Assert.Equal("c00ee12c-2b39-4e84-b332-54a3c722e5dd", invoice.Id);
        Assert.Equal(invoice.Id, created.Id);
    }
}
