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
}
