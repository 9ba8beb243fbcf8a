using System.Net;

namespace SesamTalk.Testing.Tests.ExactOnline;

/// <summary>
/// Listing the divisions before choosing one, as ossobv/exactonline's get_divisions does: current/Me for the current
/// division, then hrm/Divisions?$select=Code,Description under it (reference B1; system/Divisions also has Current and
/// DivisionMoveDate).
/// </summary>
public sealed class DivisionTests
{
    [Fact]
    public async Task AClientFindsTheCurrentDivisionThenListsItsDivisions()
    {
        await using var division = await TestDivision.StartAsync();

        var me = await division.GetAsync("/api/v1/current/Me?$select=CurrentDivision");
        var current = (int)me.Results[0]!["CurrentDivision"]!;
        var divisions = await division.GetAsync($"/api/v1/{current}/hrm/Divisions?$select=Code,Description");

        Assert.Equal(HttpStatusCode.OK, divisions.Status);
        var row = Assert.Single(divisions.Results)!.AsObject();
        Assert.Equal(["__metadata", "Code", "Description"], row.Select(p => p.Key));
        Assert.Equal(current, (int)row["Code"]!);
        Assert.Equal("SesamTalk Emulated Company", (string)row["Description"]!);
        Assert.Equal("Exact.Web.Api.Models.HRM.Division", (string)row["__metadata"]!["type"]!);
        Assert.EndsWith($"/api/v1/{current}/hrm/Divisions({current})", (string)row["__metadata"]!["uri"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SystemDivisionsMarksTheCurrentOneAndCarriesTheMoveDate()
    {
        await using var division = await TestDivision.StartAsync();

        var reply = await division.GetAsync($"{division.Root}/system/Divisions");

        var row = Assert.Single(reply.Results)!;
        Assert.True((bool)row["Current"]!);
        Assert.True(row.AsObject().ContainsKey("DivisionMoveDate"));
        Assert.Equal(division.Emulator.Division, (int)row["Code"]!);
        Assert.StartsWith("/Date(", (string)row["Created"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADivisionReadsByItsCodeAndFiltersApply()
    {
        await using var division = await TestDivision.StartAsync();

        var one = await division.GetAsync($"{division.Root}/hrm/Divisions({division.Emulator.Division})?$select=Code");
        var other = await division.GetAsync($"{division.Root}/hrm/Divisions(1)");
        var filtered = await division.GetAsync($"{division.Root}/hrm/Divisions?$filter=Code eq 1");
        var unknown = await division.GetAsync($"{division.Root}/hrm/Departments");

        Assert.Equal(division.Emulator.Division, (int)one.D["Code"]!);
        Assert.Equal(HttpStatusCode.NotFound, other.Status);
        Assert.Empty(filtered.Results);
        Assert.Equal("Resource not found for the segment 'Departments'.", unknown.ErrorMessage);
    }

    [Fact]
    public async Task AnotherDivisionsListIsForbidden()
    {
        await using var division = await TestDivision.StartAsync();

        var reply = await division.GetAsync("/api/v1/1/hrm/Divisions");

        Assert.Equal(HttpStatusCode.Forbidden, reply.Status);
        Assert.Equal("Forbidden - WrongDivision", reply.ErrorMessage);
    }
}
