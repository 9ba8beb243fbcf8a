using System.Text.Json;
using SesamTalk.Connectors.ExactOnline;

namespace SesamTalk.Connectors.Tests.Fixtures;

/// <summary>
/// <c>exactonline_fields.csv</c> (fields of the six entity sets from Exact's .NET SDK models) against the connector's
/// entity sets and <c>catalogs/ExactOnline.catalog.json</c>.
/// </summary>
public class ExactOnlineCatalogFixtureTests
{
    [Fact]
    public void Exactonline_fields_csv_rows_match_the_entity_sets_and_the_catalog()
    {
        var lines = FixtureFiles.Lines("exactonline", "exactonline_fields.csv");
        Assert.Equal("endpoint,field,edm_type,key,mandatory_on_post,read_only,description", lines[0]);
        var rows = lines.Skip(1).Select(l => l.Split(',', 7)).Select(c => new Row(c[0], c[1], c[2], c[3] == "Y", c[4] == "Y", c[5] == "Y")).ToList();
        using var catalog = JsonDocument.Parse(FixtureFiles.Catalog("ExactOnline.catalog.json"));
        var objects = catalog.RootElement.GetProperty("objects").EnumerateArray().ToDictionary(
            o => o.GetProperty("name").GetString()!,
            o => o.GetProperty("fields").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!, f => f.Clone()));

        Assert.Equal(426, rows.Count);
        Assert.Equal(ExactOnlineEntitySet.Known.Select(s => s.Path).Order(), rows.Select(r => r.Endpoint).Distinct().Order());
        foreach (var group in rows.GroupBy(r => r.Endpoint))
        {
            var set = ExactOnlineEntitySet.Known.Single(s => s.Path == group.Key);
            var fields = objects[set.Name];
            Assert.Equal(set.Key, Assert.Single(group, r => r.Key).Field);
            foreach (var row in group.Where(r => r.EdmType != "Collection"))
            {
                Assert.True(fields.TryGetValue(row.Field, out var field), $"{set.Name}.{row.Field} is not in the catalog.");
                Assert.True(row.Key || row.ReadOnly != field.GetProperty("createable").GetBoolean(), $"{set.Name}.{row.Field} read-only differs.");
                Assert.True(!row.Mandatory || !field.GetProperty("nillable").GetBoolean(), $"{set.Name}.{row.Field} is mandatory but nillable.");
            }

            var onlyInCatalog = fields.Keys.Except(group.Select(r => r.Field)).Order().ToList();
            Assert.Equal(set == ExactOnlineEntitySet.Items
                ? ["AverageCost", "StandardSalesPrice", "StatisticalCode", "StatisticalNetWeight", "StatisticalUnits", "StatisticalValue"]
                : [], onlyInCatalog);
        }

        // Navigation collections are not catalog fields: the reader turns expanded ones into records fields, and
        // the line sets are known by those names.
        var collections = rows.Where(r => r.EdmType == "Collection").Select(r => $"{r.Endpoint}.{r.Field}").ToList();
        Assert.Equal(["crm/Accounts.BankAccounts", "crm/Quotations.QuotationLines", "salesorder/SalesOrders.SalesOrderLines"], collections);
        Assert.Same(ExactOnlineEntitySet.QuotationLines, ExactOnlineEntitySet.Find("QuotationLines"));
        Assert.Same(ExactOnlineEntitySet.SalesOrderLines, ExactOnlineEntitySet.Find("SalesOrderLines"));
    }

    private sealed record Row(string Endpoint, string Field, string EdmType, bool Key, bool Mandatory, bool ReadOnly);
}
