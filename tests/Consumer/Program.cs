using Microsoft.Extensions.DependencyInjection;
using SesamTalk;
using SesamTalk.Connectors.Custom;
using SesamTalk.Consumer;
using SesamTalk.Testing.Custom;

// A host app that has SesamTalk only as the packages SesamTalk, SesamTalk.Connectors and SesamTalk.Testing. That it
// compiles proves the generator ran from the SesamTalk package (Supplier.SyncDefinition, SesamTalkModel, TalkClient
// and AddSesamTalk are all generated); then a Supplier goes to an emulated Customcrm and comes back through the
// generated mapper and the Custom connector. Every check prints one line; any failure makes the exit code 1.
var checks = new Checks();

var catalog = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Catalogs", "Customcrm.catalog.json"));
await using var crm = await CustomSystemEmulator.StartAsync(new CustomSystemEmulatorOptions { Catalog = catalog });

var services = new ServiceCollection();
services.AddSesamTalk();
services.AddCustomSystemConnector("Customcrm", options =>
{
    options.BaseUrl = crm.BaseUrl;
    options.ApiKey = crm.ApiKey;
});
await using var provider = services.BuildServiceProvider();

checks.That("the generated model holds Supplier", SesamTalkModel.Instance.Find(nameof(Supplier)) is not null);
checks.That("AddSesamTalk registered the generated model", provider.GetService<ISyncModel>() is SesamTalkModel);
checks.That("the generator emitted TalkClient into this app", typeof(TalkClient).Assembly == typeof(Supplier).Assembly);

var mapper = Supplier.SyncDefinition.GetMapper(new SyncTarget("Customcrm", "Supplier"));
checks.That("the mapper takes its field names from the catalog", mapper.Fields.Select(f => f.Field).Contains("IsPreferred"));

var supplier = new Supplier
{
    Id = Guid.NewGuid(),
    VatNumber = "NO923609016MVA",
    Name = "Fjord Fasteners AS",
    PaymentTermDays = 30,
    CreditLimit = 250_000.50m,
    Preferred = true,
    ContractEnds = new DateOnly(2027, 6, 30),
    InternalNote = "never leaves the app",
};
var record = mapper.ToRecord(supplier);
checks.That("ToRecord leaves [SyncIgnore] properties out", !record.Contains("InternalNote"));

var client = provider.GetRequiredService<CustomSystemClients>().Get("Customcrm");
var created = await client.CreateAsync(record, "consumer-" + Supplier.SyncDefinition.GetId(supplier));
var stored = created.Id is null ? null : crm.GetRecord("Supplier", created.Id);
checks.That("the Custom connector created the record in the emulator", stored is not null);
checks.That("the emulator holds the mapped fields", stored?.Fields["Name"]?.ToString() == "Fjord Fasteners AS"
    && stored.Fields["IsPreferred"]?.ToString() == "true");

var read = await client.GetAsync("Supplier", created.Id!);
var copy = new Supplier();
if (read is not null)
{
    mapper.Apply(read, copy);
}

checks.That("reading it back and applying it gives the same supplier",
    copy.VatNumber == supplier.VatNumber && copy.Name == supplier.Name && copy.PaymentTermDays == 30
    && copy.CreditLimit == 250_000.50m && copy.Preferred && copy.ContractEnds == supplier.ContractEnds && copy.InternalNote is null);
checks.That("the fingerprints of the sent and the read record agree",
    read is not null && mapper.Fingerprint(record, FieldDirection.Both) == mapper.Fingerprint(read, FieldDirection.Both));

// ---- SYNC ENGINE GOES HERE -------------------------------------------------------------------------------------
// The engine (src/SesamTalk.Connectors/Engine) is not packed yet. Once it is, register it and a link store on the
// builder AddSesamTalk() returns, save the supplier in a host store, then sync instead of the direct
// CreateAsync/GetAsync above:
//     var report = await provider.GetRequiredService<TalkClient>().Suppliers.SyncAsync();
// and check that the supplier was created in Customcrm and linked.
// ------------------------------------------------------------------------------------------------------------------

return checks.Report();
