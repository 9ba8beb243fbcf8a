using SesamTalk;

namespace SesamTalk.Benchmarks;

/// <summary>The mapping a careful person would write by hand, as the yardstick for the generated one.</summary>
public static class HandWrittenArticleMapper
{
    public static SyncRecord ToRecord(Article article) => new("Article")
    {
        ["Sku"] = SyncValue.From(article.Sku),
        ["Name"] = SyncValue.From(article.Name),
        ["Description"] = SyncValue.From(article.Description),
        ["Price"] = SyncValue.From(article.Price),
        ["Stock"] = SyncValue.From(article.Stock),
        ["Active"] = SyncValue.From(article.Active),
        ["ReleasedOn"] = SyncValue.From(article.ReleasedOn),
        ["Kind"] = SyncValue.From(article.Kind == ArticleKind.Service ? "Service work" : "Goods"),
    };

    public static void Apply(SyncRecord record, Article article)
    {
        article.Sku = record["Sku"].AsString() ?? "";
        article.Name = record["Name"].AsString() ?? "";
        article.Description = record["Description"].AsString();
        article.Price = record["Price"].AsDecimal();
        article.Stock = record["Stock"].AsInt32() ?? 0;
        article.Active = record["Active"].AsBoolean() ?? false;
        article.ReleasedOn = record["ReleasedOn"].AsDateOnly();
        article.Kind = record["Kind"].AsString() == "Service work" ? ArticleKind.Service : ArticleKind.Goods;
    }
}
