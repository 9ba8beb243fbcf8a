using System.Text.Json.Nodes;
using SesamTalk.Testing.Custom;
using SesamTalk.Testing.Salesforce;

namespace SesamTalk.Benchmarks.Sync;

/// <summary>
/// The emulated remote system of one run, in the parent process: started on loopback, seeded and edited directly in
/// its store (outside the timed part), and described to the child by its base URL and credentials.
/// </summary>
internal abstract class RemoteSystem : IAsyncDisposable
{
    public static async Task<RemoteSystem> StartAsync(string system) => system switch
    {
        SyncSystems.Custom => new CustomRemote(await CustomSystemEmulator.StartAsync(new CustomSystemEmulatorOptions { RateLimit = int.MaxValue }).ConfigureAwait(false)),
        SyncSystems.Salesforce => new SalesforceRemote(await SalesforceEmulator.StartAsync(new SalesforceEmulatorOptions { DailyApiLimit = int.MaxValue }).ConfigureAwait(false)),
        _ => throw new ArgumentException($"Unknown system '{system}'.", nameof(system)),
    };

    /// <summary>What the child needs to connect: base URL and credentials.</summary>
    public abstract ChildConnection Connection { get; }

    /// <summary>Creates <paramref name="count"/> products (codes <c>R-{i}</c>) in the store.</summary>
    public abstract void Seed(int count);

    /// <summary>Edits every <paramref name="every"/>-th live product (from <paramref name="offset"/>, creation order) as a user would; returns how many.</summary>
    public abstract int Edit(int every, int offset);

    public abstract ValueTask DisposeAsync();

    protected static JsonObject Fields(int i, string code, string name, string description, string active)
    {
        var product = BenchData.Remote(i);
        var fields = new JsonObject { [code] = product.Code, [name] = product.Name, [active] = product.Active };
        if (product.Description is not null)
        {
            fields[description] = product.Description;
        }

        return fields;
    }

    private sealed class CustomRemote(CustomSystemEmulator shop) : RemoteSystem
    {
        public override ChildConnection Connection => new(shop.BaseUrl.ToString(), shop.ApiKey, "");

        public override void Seed(int count)
        {
            for (var i = 0; i < count; i++)
            {
                shop.Seed("Product", Fields(i, "Code", "Name", "Description", "Active"));
            }
        }

        public override int Edit(int every, int offset)
        {
            var edited = 0;
            var records = shop.GetRecords("Product");
            for (var i = offset; i < records.Count; i += every, edited++)
            {
                shop.Edit("Product", records[i].Id, new JsonObject { ["Name"] = records[i].Fields["Name"]!.GetValue<string>() + " (remote edit)" });
            }

            return edited;
        }

        public override ValueTask DisposeAsync() => shop.DisposeAsync();
    }

    private sealed class SalesforceRemote(SalesforceEmulator org) : RemoteSystem
    {
        public override ChildConnection Connection => new(org.BaseUrl.ToString(), org.ClientId, org.ClientSecret);

        public override void Seed(int count)
        {
            for (var i = 0; i < count; i++)
            {
                org.Seed("Product2", Fields(i, "ProductCode", "Name", "Description", "IsActive"));
            }
        }

        public override int Edit(int every, int offset)
        {
            var edited = 0;
            var records = org.GetRecords("Product2");
            for (var i = offset; i < records.Count; i += every, edited++)
            {
                var record = records[i];
                org.Edit(record["Id"]!.GetValue<string>(), new JsonObject { ["Name"] = record["Name"]!.GetValue<string>() + " (remote edit)" });
            }

            return edited;
        }

        public override ValueTask DisposeAsync() => org.DisposeAsync();
    }
}
