using System.Net;
using System.Text.Json.Nodes;
using static SesamTalk.Testing.Tests.Salesforce.TestOrg;

namespace SesamTalk.Testing.Tests.Salesforce;

/// <summary>
/// The query shortcuts (the per-object feed index on (SystemModstamp, Id) and the id dictionary) against the general
/// path, on random data: each query runs as written and in a form with the same meaning that no shortcut takes (a third
/// ORDER BY item after the unique Id; an OR with a condition no record meets), and the two answers must be the same JSON.
/// </summary>
public sealed class QueryIndexTests
{
    private static readonly DateTimeOffset T0 = new(2024, 9, 10, 14, 20, 17, TimeSpan.Zero);
    private const string Fields = "Id, Name, ProductCode, IsDeleted, SystemModstamp";
    private const string Never = "Name = 'no record has this name'";

    public static TheoryData<int> Seeds => [1, 2, 3, 4, 5];

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task ChangeFeedPagesMatchTheGeneralPathWithEqualStampsAtPageEdgesDeletesAndUpdatesBetweenPages(int seed)
    {
        var random = new Random(seed);
        await using var org = await TestOrg.StartAsync();
        var ids = Populate(org, random, 400);

        foreach (var endpoint in new[] { "query", "queryAll" })
        {
            // The connector's shape: keyset pages after the last (SystemModstamp, Id), with writes between pages.
            string? where = null;
            var limit = random.Next(1, 60);
            for (var page = 0; page < 200; page++)
            {
                var soql = $"SELECT {Fields} FROM Product2{(where is null ? "" : " WHERE " + where)} ORDER BY SystemModstamp, Id LIMIT {limit}";
                var rows = await SameAsGeneralAsync(org, endpoint, soql, soql.Replace("ORDER BY SystemModstamp, Id", "ORDER BY SystemModstamp, Id, Name", StringComparison.Ordinal));
                if (rows.Count == 0)
                {
                    break;
                }

                var last = rows[^1];
                var stamp = ((string)last["SystemModstamp"]!)[..19] + "Z"; // 2024-09-10T14:20:17.000+0000 as a SOQL literal
                where = $"SystemModstamp > {stamp} OR (SystemModstamp = {stamp} AND Id > '{(string)last["Id"]!}')";
                Mutate(org, random, ids);
            }

            // The whole feed in one query, paged through nextRecordsUrl (batches of 200) and through OFFSET.
            var all = $"SELECT {Fields} FROM Product2 ORDER BY SystemModstamp, Id";
            await SameAsGeneralAsync(org, endpoint, all, all + ", Name", batchSize: 200);
            var from = T0.AddSeconds(random.Next(0, 20)).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
            foreach (var range in new[] { $"SystemModstamp >= {from}", $"SystemModstamp < {from}", $"SystemModstamp = {from}", $"SystemModstamp > {from} AND ProductCode = 'C1'", $"NOT SystemModstamp > {from}" })
            {
                var ranged = $"SELECT {Fields} FROM Product2 WHERE {range} ORDER BY SystemModstamp, Id LIMIT 25 OFFSET 10";
                await SameAsGeneralAsync(org, endpoint, ranged, ranged.Replace("Id LIMIT", "Id, Name LIMIT", StringComparison.Ordinal));

                // Without ORDER BY (a query job's shape) rows come in creation order, whatever narrowed the search.
                var unordered = $"SELECT {Fields} FROM Product2 WHERE {range}";
                await SameAsGeneralAsync(org, endpoint, unordered, $"SELECT {Fields} FROM Product2 WHERE ({range}) OR {Never}");
            }

            var count = $"SELECT COUNT() FROM Product2 WHERE SystemModstamp >= {from}";
            await SameAsGeneralAsync(org, endpoint, count, count + $" OR {Never}");
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task IdLookupsMatchTheGeneralPath(int seed)
    {
        var random = new Random(seed);
        await using var org = await TestOrg.StartAsync();
        var ids = Populate(org, random, 200);
        var account = org.Emulator.Seed("Account", new JsonObject { ["Name"] = "Not a product" });

        foreach (var endpoint in new[] { "query", "queryAll" })
        {
            for (var round = 0; round < 10; round++)
            {
                // Live, deleted, repeated, 15-character, unknown and other-object ids.
                var picked = ids.OrderBy(_ => random.Next()).Take(random.Next(1, 40)).ToList();
                picked.Add(picked[0]);
                picked.Add(picked[^2][..15]);
                picked.Add(account);
                picked.Add("01t000000000000AAA");
                var list = string.Join(",", picked.OrderBy(_ => random.Next()).Select(id => $"'{id}'"));
                foreach (var soql in new[]
                {
                    $"SELECT {Fields} FROM Product2 WHERE Id IN ({list})",
                    $"SELECT {Fields} FROM Product2 WHERE Id IN ({list}) ORDER BY Name DESC",
                    $"SELECT {Fields} FROM Product2 WHERE Id IN ({list}) AND ProductCode = 'C2' ORDER BY SystemModstamp, Id",
                    $"SELECT {Fields} FROM Product2 WHERE Id = '{picked[1]}'",
                    $"SELECT {Fields} FROM Product2 WHERE Id = '{picked[1]}' OR Id = '{picked[2]}' LIMIT 1",
                })
                {
                    var where = soql.IndexOf(" WHERE ", StringComparison.Ordinal) + " WHERE ".Length;
                    var end = soql.IndexOf(" ORDER BY", StringComparison.Ordinal) is var e and >= 0 ? e : soql.IndexOf(" LIMIT", StringComparison.Ordinal) is var l and >= 0 ? l : soql.Length;
                    var general = string.Concat(soql.AsSpan(0, where), $"({soql[where..end]}) OR {Never}", soql.AsSpan(end))
                        .Replace("ORDER BY SystemModstamp, Id", "ORDER BY SystemModstamp, Id, Name", StringComparison.Ordinal);
                    await SameAsGeneralAsync(org, endpoint, soql, general);
                }

                Mutate(org, random, ids);
            }
        }
    }

    [Fact]
    public async Task LocatorPagesWriteRowsWithTheBytesAFirstPageGivesThem()
    {
        await using var org = await TestOrg.StartAsync();
        string[] names = ["Quote \" and backslash \\ and slash /", "Tab\tnew line\nreturn\r", "Café Ørsted ß 日本 😀", "<b>&amp;</b> 'apostrophe'", "Line\u2028separator\u0001"];
        var ids = Enumerable.Range(0, 450).Select(i => org.Emulator.Seed("Product2", new JsonObject
        {
            ["Name"] = names[i % names.Length], ["Description"] = i % 2 == 0 ? null : names[(i + 1) % names.Length], ["ProductCode"] = $"C{i}",
        }, T0.AddSeconds(i / 100))).ToList();
        const string Select = "SELECT Id, Name, Description, ProductCode, IsActive, SystemModstamp FROM Product2";

        // Pages two and three come from the locator's snapshot; the same rows asked for in one page come straight from the records.
        var first = await RawAsync(org, $"{V}/queryAll?q={Uri.EscapeDataString(Select + " ORDER BY SystemModstamp, Id")}", 200);
        var second = await RawAsync(org, (string)JsonNode.Parse(first)!["nextRecordsUrl"]!, 200);
        var third = await RawAsync(org, (string)JsonNode.Parse(second)!["nextRecordsUrl"]!, 200);
        foreach (var page in new[] { second, third })
        {
            var pageIds = JsonNode.Parse(page)!["records"]!.AsArray().Select(r => $"'{(string)r!["Id"]!}'");
            var direct = await RawAsync(org, $"{V}/queryAll?q={Uri.EscapeDataString($"{Select} WHERE Id IN ({string.Join(",", pageIds)}) ORDER BY SystemModstamp, Id")}", 200);
            Assert.Equal(Records(direct), Records(page));
        }

        Assert.Contains("Café Ørsted ß 日本", second, StringComparison.Ordinal);
        Assert.Equal(450, ids.Count);
    }

    private static async Task<string> RawAsync(TestOrg org, string path, int batchSize)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path.TrimStart('/'));
        request.Headers.TryAddWithoutValidation("Sforce-Query-Options", $"batchSize={batchSize}");
        using var response = await org.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The records array as the response's own text.</summary>
    private static string Records(string page) => page[page.IndexOf("\"records\":", StringComparison.Ordinal)..];

    /// <summary>Runs both forms (following nextRecordsUrl), asserts the same totalSize and rows, and returns the rows.</summary>
    private static async Task<List<JsonObject>> SameAsGeneralAsync(TestOrg org, string endpoint, string soql, string general, int? batchSize = null)
    {
        var (fast, fastTotal) = await ReadAllAsync(org, endpoint, soql, batchSize);
        var (slow, slowTotal) = await ReadAllAsync(org, endpoint, general, batchSize);
        Assert.Equal(slowTotal, fastTotal);
        Assert.Equal(new JsonArray([.. slow.Select(r => r.DeepClone())]).ToJsonString(), new JsonArray([.. fast.Select(r => r.DeepClone())]).ToJsonString());
        return fast;
    }

    private static async Task<(List<JsonObject> Rows, int TotalSize)> ReadAllAsync(TestOrg org, string endpoint, string soql, int? batchSize)
    {
        var rows = new List<JsonObject>();
        var reply = await org.GetAsync($"{V}/{endpoint}?q={Uri.EscapeDataString(soql)}", batchSize is { } n ? [("Sforce-Query-Options", $"batchSize={n}")] : []);
        var total = (int)reply.Body!["totalSize"]!;
        while (true)
        {
            Assert.True(reply.Status == HttpStatusCode.OK, reply.Body?.ToJsonString());
            rows.AddRange(reply.Body!["records"]!.AsArray().Select(r => r!.AsObject()));
            if ((bool)reply.Body["done"]!)
            {
                return (rows, total);
            }

            reply = await org.GetAsync((string)reply.Body["nextRecordsUrl"]!);
        }
    }

    /// <summary>Records on a few stamps (so runs of equal SystemModstamp cross every page edge), some edited and some deleted.</summary>
    private static List<string> Populate(TestOrg org, Random random, int count)
    {
        var ids = Enumerable.Range(0, count).Select(i => org.Emulator.Seed("Product2", new JsonObject
        {
            ["Name"] = $"P{random.Next(1000):D4}", ["ProductCode"] = $"C{i % 3}",
        }, T0.AddSeconds(random.Next(0, 20)))).ToList();
        for (var i = 0; i < count / 4; i++)
        {
            Mutate(org, random, ids);
        }

        return ids;
    }

    /// <summary>One write: an edit to a random (earlier or later) stamp, a delete, or a new record.</summary>
    private static void Mutate(TestOrg org, Random random, List<string> ids)
    {
        var id = ids[random.Next(ids.Count)];
        var stamp = T0.AddSeconds(random.Next(0, 25));
        switch (random.Next(4))
        {
            case 0 when !org.Emulator.IsDeleted(id):
                org.Emulator.Delete(id, stamp);
                break;
            case 1:
                ids.Add(org.Emulator.Seed("Product2", new JsonObject { ["Name"] = $"P{random.Next(1000):D4}", ["ProductCode"] = "C1" }, stamp));
                break;
            default:
                if (!org.Emulator.IsDeleted(id))
                {
                    org.Emulator.Edit(id, new JsonObject { ["ProductCode"] = $"C{random.Next(3)}" }, stamp);
                }

                break;
        }
    }
}
