using SesamTalk.Documentation;

namespace SesamTalk.Connectors.Tests;

/// <summary>
/// The QA document renderer reproduces the seed documents byte for byte when the tables are empty, so the only
/// thing a filled document adds is its rows.
/// </summary>
public class DataflowDocumentSeedTests
{
    public static TheoryData<string, string, string, string, bool, string[]> Seeds() => new()
    {
        { "000_7ca399758f960bc8.txt", "2024-09-10 15:43:43", "Customwebshop", "Salesforce", true, ["Customer:Division", "Order:Invoice", "Order:Order", "Product:Product2"] },
        { "001_5221a696265c8ea0.txt", "2024-09-10 14:20:17", "Customerp", "Salesforce", false, ["Contact:Contact", "Order:Order", "Product:Product2", "Quote:Quote"] },
        { "002_c6f21c336178e644.txt", "2024-09-10 14:34:11", "Customwebshop", "Customcrm", true, ["Customer:Customer", "Order:Order", "Product:Product"] },
        { "003_aad0c1ac8b33516c.txt", "2024-09-11 00:00:02", "Customwebshop", "SuperOffice", false, ["Customer:Contact", "Order:Quotealternative", "Order:Quoteline", "Order:Sale", "Product:Product"] },
        { "004_3d90edefd5348cf9.txt", "2024-09-11 09:30:21", "CustomWebshop", "ExactOnline", true, ["Order:Quotations", "Customer:Accounts", "Order:Salesorders", "Product:Items"] },
    };

    [Theory]
    [MemberData(nameof(Seeds))]
    public void An_unfilled_document_is_the_seed_document(string seed, string generated, string host, string remote, bool hostIsSource, string[] flows)
    {
        var sections = flows.Select(flow => flow.Split(':')).Select(pair => new DataflowSection(new FieldlessMapper(remote, pair[1]), pair[0])).ToList();

        var document = new DataflowDocument(host, remote, hostIsSource, sections);

        var when = DateTimeOffset.ParseExact(generated, "yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal);
        Assert.Equal(SharedFixtures.Seed(seed).Replace("\r\n", "\n", StringComparison.Ordinal), document.Render(when.ToUniversalTime()));
    }

    /// <summary>A mapper with no fields: the seeds' tables are empty.</summary>
    private sealed class FieldlessMapper(string system, string type) : IEntityMapper
    {
        public SyncTarget Target { get; } = new(system, type);

        public SyncOrigin Origin => SyncOrigin.Local;

        public IReadOnlyList<SyncFieldDescriptor> Fields => [];

        public IReadOnlyList<string> MatchKeys => [];

        public IReadOnlyList<SyncReferenceDescriptor> References => [];

        public IReadOnlyList<SyncChildDescriptor> Children => [];

        public IReadOnlyList<SyncConstant> Constants => [];

        public SyncFingerprint FingerprintOf(SyncRecord record, FieldDirection direction) => throw new NotSupportedException("Documents never fingerprint.");

        public string Fingerprint(SyncRecord record, FieldDirection direction) => throw new NotSupportedException("Documents never fingerprint.");
    }
}
