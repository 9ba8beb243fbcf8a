using SesamTalk.Testing.Custom;

namespace SesamTalk.Connectors.Tests.Custom;

/// <summary>What the custom-system connector tells the engine of the records as the system stored them.</summary>
public class CustomStoredRecordTests
{
    private static readonly FieldListMapper Lines = new("Customcrm", "Lines", "Sku", "Quantity");
    private static readonly FieldListMapper Orders = new FieldListMapper("Customcrm", "Order", "Number", "Note").WithChildren("Lines", "OrderId", Lines);

    [Fact]
    public async Task Batch_results_carry_the_whole_record_the_system_stored_lines_and_unsent_fields_included()
    {
        await using var system = await CustomSystem.StartAsync();
        var order = new SyncRecord("Order")
        {
            ["Number"] = SyncValue.From("O-1"),
            ["Note"] = SyncValue.From("first"),
            ["Lines"] = SyncValue.From([new SyncRecord("Lines") { ["Sku"] = SyncValue.From("W-1"), ["Quantity"] = SyncValue.From(2) }]),
        };

        var created = Assert.Single(await system.Connector.CreateAsync(Orders, [new(order, "k")], CancellationToken.None));
        var updated = Assert.Single(await system.Connector.UpdateAsync(Orders, [new SyncRecord("Order", created.Id) { ["Note"] = SyncValue.From("second") }], CancellationToken.None));
        var read = await system.Connector.GetAsync(Orders, created.Id!, CancellationToken.None);

        Assert.Equal("W-1", Assert.Single(created.Stored!["Lines"].AsRecords()!)["Sku"].AsString());
        Assert.Equal("O-1", updated.Stored!["Number"].AsString());
        Assert.Equal("second", updated.Stored["Note"].AsString());
        Assert.Single(updated.Stored["Lines"].AsRecords()!);
        Assert.Equal(read!.Version, updated.Stored.Version);
        Assert.Equal(read.ModifiedAt, updated.ModifiedAt);
    }

    [Fact]
    public async Task The_contract_has_no_read_of_many_so_records_are_read_one_a_call()
    {
        await using var system = await CustomSystem.StartAsync();
        var ids = Enumerable.Range(1, 3).Select(i => system.Emulator.Seed("Order", new() { ["Number"] = $"O-{i}" })).ToList();
        system.Emulator.Delete("Order", ids[2]);

        var read = await system.Connector.GetManyAsync(Orders, [.. ids, "nobody"], CancellationToken.None);

        Assert.Equal(ids, read.Select(r => r.Id));
        Assert.True(read[2].IsDeleted);
        Assert.Equal(4, system.Emulator.CallCount(CustomEndpoint.Get));
    }
}
