using System.Text.Json.Nodes;
using SesamTalk.Testing.Faults;
using SesamTalk.Testing.Http;
using SesamTalk.Testing.Salesforce.Auth;
using SesamTalk.Testing.Salesforce.Bulk;
using SesamTalk.Testing.Salesforce.Data;
using SesamTalk.Testing.Salesforce.Http;
using SesamTalk.Testing.Salesforce.PubSub;
using SesamTalk.Testing.Salesforce.Schema;
using SesamTalk.Testing.Salesforce.Soql;

namespace SesamTalk.Testing.Salesforce;

/// <summary>The state of one emulated org, shared by every handler of one emulator instance.</summary>
internal sealed class SalesforceOrg
{
    public SalesforceOrg(SalesforceEmulatorOptions options)
    {
        Options = options;
        Clock = options.TimeProvider ?? TimeProvider.System;
        OrgId = SalesforceId.Create("00D", "0A", 42);
        UserId = SalesforceId.Create("005", "0A", 42);
        Schemas = SchemaCatalog.Load(options.DisabledObjects, options.Catalogs);
        Records = new RecordStore();
        Validator = new RecordValidator(Schemas, Records);
        Writer = new RecordWriter(Records, UserId);
        Tokens = new TokenStore(Clock, options.TokenLifetime, OrgId);
        Usage = new ApiUsage(options.DailyApiLimit);
        StandardPricebookId = options.StandardPricebook ? CreateStandardPricebook() : null;
        Billing = new InvoiceRun(Schemas, Records, Writer);
        Bulk = BulkJobs.For(this);
        ChangeEvents = new ChangeDataCapture(Schemas, UserId, Clock, options.PubSub);
        Writer.Changed = ChangeEvents.Record;
        if (options.BillOrders)
        {
            Writer.Inserted = (record, now) =>
            {
                if (record.Schema.Name == "Order")
                {
                    Billing.Invoice(record, DateOnly.FromDateTime(now.UtcDateTime), now);
                }
            };
        }
    }

    public SalesforceEmulatorOptions Options { get; }

    public TimeProvider Clock { get; }

    public string OrgId { get; }

    /// <summary>The integration user every write runs as (CreatedById, LastModifiedById, default OwnerId).</summary>
    public string UserId { get; }

    public SchemaCatalog Schemas { get; }

    public RecordStore Records { get; }

    public RecordValidator Validator { get; }

    public RecordWriter Writer { get; }

    /// <summary>Salesforce Billing's invoice runs.</summary>
    public InvoiceRun Billing { get; }

    public TokenStore Tokens { get; }

    public JwtBearerGrant Jwt { get; } = new();

    public ApiUsage Usage { get; }

    public CallCounts<SalesforceEndpoint> Calls { get; } = new();

    public FaultInjector<SalesforceEndpoint> Faults { get; } = new(expiringTokens: true);

    public QueryCursors Cursors { get; } = new();

    /// <summary>Change data capture: the change events of the org's writes, served by the Pub/Sub API.</summary>
    public ChangeDataCapture ChangeEvents { get; }

    /// <summary>Bulk API 2.0 jobs and their daily allocations.</summary>
    public BulkJobs Bulk { get; }

    /// <summary>When the delete log was last purged; getDeleted cannot answer for earlier windows.</summary>
    public DateTimeOffset DeleteLogPurgedAt { get; set; } = DateTimeOffset.MinValue;

    /// <summary>The current time as Salesforce stores it (whole seconds, UTC).</summary>
    public DateTimeOffset Now => SalesforceDate.TruncateToSecond(Clock.GetUtcNow());

    /// <summary>The org's standard price book, or null when <see cref="SalesforceEmulatorOptions.StandardPricebook"/> is off.</summary>
    public string? StandardPricebookId { get; }

    /// <summary>The instance URL (emulator base address) clients are told to use after authenticating.</summary>
    public string InstanceUrl { get; set; } = "";

    /// <summary>
    /// The integration user's identity URL, the token response's <c>id</c>: on the host the client logged in at, which
    /// for the emulator is the emulator itself (an org at login.salesforce.com answers <c>https://login.salesforce.com/id/…</c>).
    /// </summary>
    public string IdentityUrl => $"{InstanceUrl}/id/{OrgId}/{UserId}";

    /// <summary>The standard price book every org is born with; the API cannot create one (IsStandard is read-only).</summary>
    private string CreateStandardPricebook()
    {
        var schema = Schemas.Find("Pricebook2") ?? throw new InvalidOperationException("The Salesforce catalog has no Pricebook2.");
        var values = new Dictionary<string, JsonNode?> { ["Name"] = "Standard Price Book", ["IsStandard"] = true, ["IsActive"] = true };
        return Writer.Insert(schema, values, Now).Id;
    }
}
