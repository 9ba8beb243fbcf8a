using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using Avro.Generic;
using Eventbus.V1;

namespace SesamTalk.Testing.Tests.Salesforce.PubSub;

/// <summary>Writes through the REST API arrive on the Pub/Sub API as change events shaped like Salesforce's.</summary>
public sealed class ChangeEventTests
{
    [Fact]
    public async Task A_REST_update_arrives_with_its_header_changed_and_nulled_fields_and_only_the_changed_values()
    {
        var clock = new ManualClock(PubSubTestClient.ClockStart);
        await using var org = await TestOrg.StartAsync(clock: clock);
        var id = await org.CreateAsync("Account", new JsonObject { ["Name"] = "Acme", ["BillingCity"] = "Oslo", ["Description"] = "Old" });
        clock.Advance(TimeSpan.FromMinutes(5));
        var patch = new JsonObject { ["Phone"] = "+47 22 00 00 00", ["BillingCity"] = "Bergen", ["Description"] = null };
        Assert.Equal(System.Net.HttpStatusCode.NoContent, (await org.PatchAsync($"{TestOrg.V}/sobjects/Account/{id}", patch)).Status);

        using var client = new PubSubTestClient(org.Emulator);
        using var subscription = client.Subscribe("/data/AccountChangeEvent", ReplayPreset.Earliest, 10);
        var events = await subscription.EventsAsync(2);
        var created = await client.DecodeAsync(events[0]);
        var updated = await client.DecodeAsync(events[1]);

        Assert.Equal("CREATE", created.ChangeType);
        Assert.Empty(created.Strings("changedFields"));
        Assert.Equal("Acme", created.Record["Name"]);
        Assert.Equal("Oslo", ((GenericRecord)created.Record["BillingAddress"])["City"]);

        Assert.Equal("UPDATE", updated.ChangeType);
        Assert.Equal("Account", updated.Header["entityName"]);
        Assert.Equal([id], updated.Strings("recordIds"));
        Assert.Equal(PubSubTestClient.ClockStart.AddMinutes(5).ToUnixTimeMilliseconds(), updated.Header["commitTimestamp"]);
        Assert.Equal(org.Emulator.UserId, updated.Header["commitUser"]);
        Assert.Equal(1, updated.Header["sequenceNumber"]);
        Assert.Matches("^[0-9a-f-]{36}$", (string)updated.Header["transactionKey"]);
        Assert.True((long)updated.Header["commitNumber"] > (long)created.Header["commitNumber"]);

        var changed = updated.Strings("changedFields");
        Assert.Equal(2, changed.Length);
        Assert.Equal(Bits(updated.Position("Phone"), updated.Position("Description"), updated.Position("LastModifiedDate")), SetBits(changed[0]));
        Assert.Equal($"{updated.Position("BillingAddress")}-0x02", changed[1]); // City is the address's second part
        var nulled = updated.Strings("nulledFields");
        Assert.Equal(Bits(updated.Position("Description")), SetBits(Assert.Single(nulled)));

        Assert.Equal("+47 22 00 00 00", updated.Record["Phone"]);
        Assert.Null(updated.Record["Name"]);
        Assert.Null(updated.Record["Description"]);
        Assert.Equal(PubSubTestClient.ClockStart.AddMinutes(5).ToUnixTimeMilliseconds(), updated.Record["LastModifiedDate"]);
        var address = (GenericRecord)updated.Record["BillingAddress"];
        Assert.Equal("Bergen", address["City"]);
        Assert.Null(address["Street"]);
    }

    [Fact]
    public async Task The_object_channel_carries_only_its_object_and_the_standard_channel_every_object_with_deletes()
    {
        await using var org = await TestOrg.StartAsync();
        var account = await org.CreateAsync("Account", new JsonObject { ["Name"] = "Acme" });
        var contact = await org.CreateAsync("Contact", new JsonObject { ["LastName"] = "Nordmann", ["FirstName"] = "Kari" });
        Assert.Equal(System.Net.HttpStatusCode.NoContent, (await org.DeleteAsync($"{TestOrg.V}/sobjects/Account/{account}")).Status);

        using var client = new PubSubTestClient(org.Emulator);
        using var all = client.Subscribe("/data/ChangeEvents", ReplayPreset.Earliest, 10);
        var decoded = await Task.WhenAll((await all.EventsAsync(3)).Select(client.DecodeAsync));
        Assert.Equal(["Account CREATE", "Contact CREATE", "Account DELETE"], decoded.Select(e => $"{e.Header["entityName"]} {e.ChangeType}"));
        Assert.Equal([account], decoded[2].Strings("recordIds"));
        Assert.Equal("Kari", ((GenericRecord)decoded[1].Record["Name"])["FirstName"]);

        using var contacts = client.Subscribe("/data/ContactChangeEvent", ReplayPreset.Earliest, 10);
        var only = await client.DecodeAsync(Assert.Single(await contacts.EventsAsync(1)));
        Assert.Equal([contact], only.Strings("recordIds"));
        Assert.Null(await contacts.NextAsync(TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public async Task GetTopic_names_the_object_channel_schema_and_refuses_other_topics()
    {
        await using var org = await TestOrg.StartAsync();
        using var client = new PubSubTestClient(org.Emulator);

        var topic = await client.Client.GetTopicAsync(new TopicRequest { TopicName = "/data/Product2ChangeEvent" }, client.Headers);
        Assert.True(topic.CanSubscribe);
        Assert.False(topic.CanPublish);
        Assert.Equal(org.Emulator.OrgId, topic.TenantGuid);
        var schema = await client.Client.GetSchemaAsync(new SchemaRequest { SchemaId = topic.SchemaId }, client.Headers);
        Assert.Contains("\"name\":\"Product2ChangeEvent\"", schema.SchemaJson, StringComparison.Ordinal);

        var unknown = await Assert.ThrowsAsync<Grpc.Core.RpcException>(() =>
            client.Client.GetTopicAsync(new TopicRequest { TopicName = "/data/NoSuchThingChangeEvent" }, client.Headers).ResponseAsync);
        Assert.Equal(Grpc.Core.StatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task A_call_without_a_valid_session_is_refused_with_the_auth_error_code()
    {
        await using var org = await TestOrg.StartAsync();
        using var client = new PubSubTestClient(org.Emulator);
        var headers = new Grpc.Core.Metadata { { "accesstoken", "00D000000000001!forged" }, { "instanceurl", org.Emulator.BaseUrl.ToString() }, { "tenantid", org.Emulator.OrgId } };

        var refused = await Assert.ThrowsAsync<Grpc.Core.RpcException>(() =>
            client.Client.GetTopicAsync(new TopicRequest { TopicName = "/data/ChangeEvents" }, headers).ResponseAsync);
        Assert.Equal(Grpc.Core.StatusCode.Unauthenticated, refused.StatusCode);
        Assert.Equal("sfdc.platform.eventbus.grpc.service.auth.error", refused.Trailers.GetValue("error-code"));
        Assert.Contains("rpcId: ", refused.Status.Detail, StringComparison.Ordinal);
    }

    private static int[] Bits(params int[] positions) => [.. positions.Order()];

    /// <summary>The set bits of a <c>0x…</c> bitmap, read as one big hexadecimal number (bit 0 the least significant).</summary>
    private static int[] SetBits(string bitmap)
    {
        Assert.Matches("^0x([0-9A-F]{2})+$", bitmap);
        var value = BigInteger.Parse("0" + bitmap[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return [.. Enumerable.Range(0, (int)value.GetBitLength()).Where(bit => !(value >> bit).IsEven)];
    }
}
