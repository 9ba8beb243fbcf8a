using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SesamTalk;
using SesamTalk.Connectors.Hosting;
using SesamTalk.Consumer;
using SesamTalk.EntityFrameworkCore;
using SesamTalk.Testing.Custom;

// A host app that has SesamTalk only as the packages SesamTalk, SesamTalk.Connectors, SesamTalk.EntityFrameworkCore
// and SesamTalk.Testing. That it compiles proves the generator ran from the SesamTalk package (Supplier.SyncDefinition,
// SesamTalkModel, TalkClient and AddSesamTalk are all generated); then a Supplier saved through the app's own EF Core
// context (a SQLite file) goes to an emulated Customcrm and comes back through the generated mapper, the Custom
// connector and the EF Core host store. Every check prints one line; any failure makes the exit code 1.
var checks = new Checks();

var catalog = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Catalogs", "Customcrm.catalog.json"));
await using var crm = await CustomSystemEmulator.StartAsync(new CustomSystemEmulatorOptions { Catalog = catalog });

// Configuration as a host keeps it: appsettings.json, with the emulator's address laid over it the way environment
// variables or the command line would (SesamTalk__Custom__Customcrm__BaseUrl=...).
var state = Directory.CreateTempSubdirectory("sesamtalk-consumer-");
var configuration = new ConfigurationBuilder()
    .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"))
    .AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["SesamTalk:Custom:Customcrm:BaseUrl"] = crm.BaseUrl.ToString(),
        ["SesamTalk:Custom:Customcrm:ApiKey"] = crm.ApiKey,
        ["SesamTalk:LinkStore:Path"] = Path.Combine(state.FullName, "links.db"),
    })
    .Build();

var database = "Data Source=" + Path.Combine(state.FullName, "suppliers.db") + ";Pooling=False";
var services = new ServiceCollection();
services.AddDbContext<SupplierDb>(options => options.UseSqlite(database));
services.AddSesamTalk()
    .AddCustomSystem("Customcrm", configuration.GetSection("SesamTalk:Custom:Customcrm"))
    .AddEngine(configuration.GetSection("SesamTalk:Engine"))
    .UseSqliteLinkStore(configuration.GetSection("SesamTalk:LinkStore"))
    .UseEntityFrameworkCore<SupplierDb>();
await using var provider = services.BuildServiceProvider();
provider.GetRequiredService<IStartupValidator>().Validate();
await using (var scope = provider.CreateAsyncScope())
{
    await scope.ServiceProvider.GetRequiredService<SupplierDb>().Database.EnsureCreatedAsync();
}

// The app's own code: a context from the provider, SaveChanges as always.
async Task<T> WithDbAsync<T>(Func<SupplierDb, Task<T>> work)
{
    await using var scope = provider.CreateAsyncScope();
    return await work(scope.ServiceProvider.GetRequiredService<SupplierDb>());
}

checks.That("the generated model holds Supplier", SesamTalkModel.Instance.Find(nameof(Supplier)) is not null);
checks.That("AddSesamTalk registered the generated model", provider.GetService<ISyncModel>() is SesamTalkModel);
checks.That("the generator emitted TalkClient into this app", typeof(TalkClient).Assembly == typeof(Supplier).Assembly);
checks.That("UseEntityFrameworkCore registered the Supplier host store, batched too",
    provider.GetService<IHostStore<Supplier>>() is { } hostStore && ReferenceEquals(hostStore, provider.GetService<IHostBatchStore<Supplier>>()));

var mapper = Supplier.SyncDefinition.GetMapper(new SyncTarget("Customcrm", "Supplier"));
checks.That("the mapper takes its field names from the catalog", mapper.Fields.Select(f => f.Field).Contains("IsPreferred"));
checks.That("the mapper leaves [SyncIgnore] properties out", !mapper.Fields.Select(f => f.Property).Contains("InternalNote"));

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
await WithDbAsync(async db =>
{
    db.Suppliers.Add(supplier);
    return await db.SaveChangesAsync();
});

// The engine from the SesamTalk.Connectors package syncs the supplier through the generated client.
var talk = provider.GetRequiredService<TalkClient>();
var first = (await talk.Suppliers.SyncAsync()).Flows.Single();
var stored = crm.GetRecords("Supplier").SingleOrDefault();
checks.That("the first cycle created the supplier in Customcrm", first.Created == 1 && !first.Stopped && stored is not null);
checks.That("Customcrm holds the mapped fields", stored?.Fields["Name"]?.ToString() == "Fjord Fasteners AS"
    && stored.Fields["IsPreferred"]?.ToString() == "true" && stored.Fields["VatNumber"]?.ToString() == "NO923609016MVA"
    && !stored.Fields.ContainsKey("InternalNote"));
var link = (await talk.Suppliers.GetLinksAsync(supplier.Id.ToString())).SingleOrDefault();
checks.That("the supplier is linked to its Customcrm record, created by sync", link?.RemoteId == stored?.Id && link?.Provenance == SyncLinkProvenance.CreatedBySync);

crm.Edit("Supplier", stored!.Id, new System.Text.Json.Nodes.JsonObject { ["Name"] = "Fjord Fasteners ASA", ["PaymentTermDays"] = 45 });
var back = (await talk.Suppliers.SyncAsync()).Flows.Single();
var saved = await WithDbAsync(db => db.Suppliers.AsNoTracking().SingleAsync());
checks.That("an edit in Customcrm comes back to the app's database", back.Updated == 1 && saved.Name == "Fjord Fasteners ASA" && saved.PaymentTermDays == 45);
checks.That("[SyncIgnore] properties are left alone", saved.InternalNote == "never leaves the app");

crm.ResetCallCounts();
var quiet = (await talk.Suppliers.SyncAsync()).Flows.Single();
checks.That("the next cycle writes nothing", quiet.Created + quiet.Updated + quiet.Deleted == 0
    && crm.CallCount(CustomEndpoint.Batch) + crm.CallCount(CustomEndpoint.Create) + crm.CallCount(CustomEndpoint.Update) == 0);

return checks.Report();
