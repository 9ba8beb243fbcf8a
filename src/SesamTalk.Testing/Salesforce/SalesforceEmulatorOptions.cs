namespace SesamTalk.Testing.Salesforce;

/// <summary>Settings of a <see cref="SalesforceEmulator"/>: credentials it accepts, limits, clock and enabled objects.</summary>
public sealed class SalesforceEmulatorOptions
{
    /// <summary>The connected app's consumer key the token endpoint accepts.</summary>
    public string ClientId { get; set; } = "3MVG9SesamTalkEmulatorConsumerKey";

    /// <summary>The connected app's consumer secret the token endpoint accepts.</summary>
    public string ClientSecret { get; set; } = "SesamTalkEmulatorConsumerSecret";

    /// <summary>The user name the password grant accepts, and the JWT bearer grant's one pre-authorised user.</summary>
    public string Username { get; set; } = "integration@sesamtalk.example";

    /// <summary>The password (with any security token appended) the password grant accepts.</summary>
    public string Password { get; set; } = "emulator-password";

    /// <summary>How long an access token works. Salesforce sends no expiry; the default session timeout is 2 hours.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(2);

    /// <summary>API calls allowed per rolling 24 hours (15,000 is a Developer Edition org).</summary>
    public int DailyApiLimit { get; set; } = 15_000;

    /// <summary>The loopback port to listen on; 0 (the default) takes any free port.</summary>
    public int Port { get; set; }

    /// <summary>The clock for record timestamps, token expiry and delta windows; the system clock when null.</summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>
    /// Whether the API shows the org's standard price book (true, the default: every org has one, <c>IsStandard = true</c>,
    /// created with the org). False emulates an integration user without access to it: no <c>Pricebook2</c> record at all.
    /// </summary>
    public bool StandardPricebook { get; set; } = true;

    /// <summary>
    /// Whether the org plays Salesforce Billing invoicing every order as it is created (an Invoice whose
    /// <c>ReferenceEntityId</c> is the order), as an org whose invoice scheduler bills new orders at once. Off by default:
    /// then only <see cref="SalesforceEmulator.GenerateInvoices"/> generates invoices.
    /// </summary>
    public bool BillOrders { get; set; }

    /// <summary>
    /// Object types the org lacks (e.g. "Division" when divisions are off, "Quote" when quotes are off):
    /// they answer <c>NOT_FOUND</c> on <c>/sobjects</c> and <c>INVALID_TYPE</c> in SOQL.
    /// </summary>
    public ICollection<string> DisabledObjects { get; } = [];

    /// <summary>
    /// Extra field catalogs (JSON text in the format of <c>docs/catalogs.md</c>, <c>"system": "Salesforce"</c>), as a host
    /// adds them to its build as <c>AdditionalFiles</c>: they extend standard objects with the org's custom fields and add
    /// objects. An object whose name ends in <c>__c</c> is a custom object: without a <c>keyPrefix</c> it gets one of
    /// Salesforce's custom prefixes (<c>a00</c>, <c>a01</c>, ...), and it has <c>OwnerId</c> and <c>Name</c> (text, 80) unless
    /// the catalog defines them. Applied in order; a catalog of another system, or one that cannot be read, fails the start.
    /// </summary>
    public ICollection<string> Catalogs { get; } = [];

    /// <summary>
    /// How long a closed Bulk API 2.0 job waits in the queue before it is processed (then it is processed a thousand
    /// records at a time): a job is never complete at once, so a client must poll its state.
    /// </summary>
    public TimeSpan BulkJobStartDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Bulk API batches per rolling 24 hours (15,000, shared with Bulk API 1.0; an ingest job takes one per 10,000 records).</summary>
    public int DailyBulkBatchLimit { get; set; } = 15_000;

    /// <summary>Bulk API 2.0 query jobs per rolling 24 hours (10,000).</summary>
    public int DailyBulkQueryJobLimit { get; set; } = 10_000;

    /// <summary>The Pub/Sub API's change event retention and keepalive (<see cref="SalesforceEmulator.PubSubUrl"/>).</summary>
    public PubSub.PubSubOptions PubSub { get; } = new();

    /// <summary>The largest ingest upload, counted base64-encoded as Salesforce counts it (150 MB: about 100 MB of raw CSV).</summary>
    public long BulkUploadLimitBytes { get; set; } = 150L * 1024 * 1024;
}
