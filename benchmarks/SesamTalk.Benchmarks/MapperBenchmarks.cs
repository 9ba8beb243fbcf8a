using BenchmarkDotNet.Attributes;
using SesamTalk;

namespace SesamTalk.Benchmarks;

/// <summary>The generated mapper against hand-written mapping: entity to record, record to entity, fingerprint.</summary>
[MemoryDiagnoser]
public class MapperBenchmarks
{
    private readonly IEntityMapper<Article> _generated = Article.SyncDefinition.GetMapper(new SyncTarget("Customerp", "Article"));
    private readonly Article _article = new()
    {
        Id = 42,
        Sku = "HAM-16",
        Name = "Claw hammer 16 oz",
        Description = "Forged steel head, fibreglass handle.",
        Price = 24.90m,
        Stock = 118,
        Active = true,
        ReleasedOn = new DateOnly(2024, 9, 10),
        Kind = ArticleKind.Goods,
    };

    private SyncRecord _record = null!;
    private string _stored = null!;

    [GlobalSetup]
    public void Setup()
    {
        _record = _generated.ToRecord(_article);
        _stored = _generated.Fingerprint(_record, FieldDirection.Both);
    }

    [Benchmark(Baseline = true)]
    public SyncRecord HandWrittenToRecord() => HandWrittenArticleMapper.ToRecord(_article);

    [Benchmark]
    public SyncRecord GeneratedToRecord() => _generated.ToRecord(_article);

    [Benchmark]
    public Article HandWrittenApply()
    {
        var article = new Article();
        HandWrittenArticleMapper.Apply(_record, article);
        return article;
    }

    [Benchmark]
    public Article GeneratedApply()
    {
        var article = new Article();
        _generated.Apply(_record, article);
        return article;
    }

    /// <summary>The fingerprint as a value (no text).</summary>
    [Benchmark]
    public SyncFingerprint GeneratedFingerprint() => _generated.FingerprintOf(_record, FieldDirection.Both);

    /// <summary>The engine's check: a fresh fingerprint against the text a link store holds.</summary>
    [Benchmark]
    public bool GeneratedFingerprintMatches() => _generated.FingerprintOf(_record, FieldDirection.Both).Matches(_stored);

    /// <summary>The fingerprint's text, as the engine stores it.</summary>
    [Benchmark]
    public string GeneratedFingerprintText() => _generated.Fingerprint(_record, FieldDirection.Both);
}
