using System.Net;
using System.Text.Json.Nodes;

namespace SesamTalk.Testing.Tests.Custom;

public sealed class PreconditionTests
{
    private static JsonObject Body(string name) => new() { ["fields"] = new JsonObject { ["Name"] = name } };

    [Fact]
    public async Task AStaleIfMatchOnUpdateIs412WithTheCurrentVersionAndChangesNothing()
    {
        await using var system = await TestSystem.StartAsync();
        var created = await system.CreateAsync("Product", new JsonObject { ["Name"] = "Widget" });
        var id = (string)created["id"]!;
        var stale = $"\"{created["version"]}\"";
        system.Emulator.Edit("Product", id, new JsonObject { ["Name"] = "Edited by a user" });
        var current = system.Emulator.GetRecord("Product", id)!;

        var reply = await system.PutAsync($"Product/{id}", Body("Gadget"), ("If-Match", stale));

        Assert.Equal(HttpStatusCode.PreconditionFailed, reply.Status);
        Assert.Equal("precondition-failed", reply.Code);
        Assert.Equal(id, (string)reply.Problem["recordId"]!);
        Assert.Equal($"\"{current.Version}\"", reply.Headers["ETag"]);
        Assert.Equal("Edited by a user", (string)system.Emulator.GetRecord("Product", id)!.Fields["Name"]!);
    }

    [Theory]
    [InlineData("\"{0}\"")]
    [InlineData("W/\"{0}\"")]
    [InlineData("{0}")]
    [InlineData("*")]
    public async Task TheCurrentVersionInAnyTagFormUpdates(string format)
    {
        await using var system = await TestSystem.StartAsync();
        var created = await system.CreateAsync("Product", new JsonObject { ["Name"] = "Widget" });

        var reply = await system.PutAsync($"Product/{created["id"]}", Body("Gadget"), ("If-Match", string.Format(null, format, created["version"])));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal("Gadget", (string)reply.Body!["fields"]!["Name"]!);
    }

    [Fact]
    public async Task AStaleIfMatchOnDeleteIs412AndKeepsTheRecord()
    {
        await using var system = await TestSystem.StartAsync();
        var created = await system.CreateAsync("Product", new JsonObject { ["Name"] = "Widget" });
        var id = (string)created["id"]!;
        await system.PutAsync($"Product/{id}", Body("Gadget"));

        var reply = await system.DeleteAsync($"Product/{id}", ("If-Match", $"\"{created["version"]}\""));

        Assert.Equal(HttpStatusCode.PreconditionFailed, reply.Status);
        Assert.False(system.Emulator.GetRecord("Product", id)!.Deleted);
    }

    [Fact]
    public async Task DeletingADeletedRecordAgainIs204WhateverTheVersion()
    {
        await using var system = await TestSystem.StartAsync();
        var created = await system.CreateAsync("Product", new JsonObject { ["Name"] = "Widget" });
        var tag = ("If-Match", $"\"{created["version"]}\"");

        var first = await system.DeleteAsync($"Product/{created["id"]}", tag);
        var retry = await system.DeleteAsync($"Product/{created["id"]}", tag);

        Assert.Equal(HttpStatusCode.NoContent, first.Status);
        Assert.Equal(HttpStatusCode.NoContent, retry.Status);
    }
}
