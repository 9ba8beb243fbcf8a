using System.Text.Json.Nodes;
using SesamTalk.Testing.SuperOffice;

namespace SesamTalk.Connectors.Tests.SuperOffice;

/// <summary>The SuperOffice connector's reads under injected faults: each request is retried on its own, so the page arrives.</summary>
public class SuperOfficeFaultTests
{
    private static readonly DateTimeOffset T0 = new(2024, 9, 1, 8, 0, 0, TimeSpan.Zero);

    /// <summary>Emails is no archive column: every row of a page is completed by a read of its entity.</summary>
    private static readonly FieldListMapper ContactsWithEmails = new("SuperOffice", "Contact", "Name", "Emails");

    [Fact]
    public async Task A_page_read_under_malformed_answers_retries_each_request_and_every_record_arrives()
    {
        await using var tenant = await SuperOfficeConnection.StartAsync();
        var ids = Enumerable.Range(0, 5).Select(i => tenant.Emulator.Seed("Contact", new JsonObject { ["Name"] = $"C{i}" }, T0)).ToList();
        tenant.Emulator.Inject(SuperOfficeFault.MalformedBody().On(SuperOfficeEndpoint.Archive));
        tenant.Emulator.Inject(SuperOfficeFault.MalformedBody().On(SuperOfficeEndpoint.Retrieve).Times(3));

        var pages = await tenant.Connector.ReadChangesAsync(ContactsWithEmails, null, CancellationToken.None).ToListAsync();

        Assert.Equal(ids.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)), pages.SelectMany(p => p.Records).Select(r => r.Id));
        Assert.Equal(2, tenant.Emulator.CallCount(SuperOfficeEndpoint.Archive));
        Assert.Equal(5 + 3, tenant.Emulator.CallCount(SuperOfficeEndpoint.Retrieve));
    }

    [Fact]
    public async Task An_access_token_that_expires_twice_within_one_read_is_renewed_twice_and_the_read_completes()
    {
        await using var tenant = await SuperOfficeConnection.StartAsync();
        tenant.Emulator.Seed("Contact", new JsonObject { ["Name"] = "Acme" }, T0);
        tenant.Emulator.Inject(SuperOfficeFault.ExpireAccessTokens().On(SuperOfficeEndpoint.Retrieve).Times(2));

        var pages = await tenant.Connector.ReadChangesAsync(ContactsWithEmails, null, CancellationToken.None).ToListAsync();

        Assert.Equal(["Acme"], pages.SelectMany(p => p.Records).Select(r => r["Name"].AsString()));
        Assert.Equal(3, tenant.Emulator.CallCount(SuperOfficeEndpoint.Token));
        Assert.Equal(3, tenant.Emulator.CallCount(SuperOfficeEndpoint.Retrieve));
    }
}
