using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SesamTalk.Mapping.Tests.Entities;

namespace SesamTalk.Mapping.Tests;

/// <summary>The fingerprint value: its text, parsing, comparing with stored texts, and what building one costs.</summary>
public class SyncFingerprintTests
{
    private static readonly IEntityMapper<Product> Products = Product.SyncDefinition.GetMapper(new SyncTarget("Salesforce", "Product2"));
    private static readonly IEntityMapper Lines = Order.SyncDefinition.GetMapper(new SyncTarget("Salesforce", "Order")).Children[0].Mapper;

    [Fact]
    public void The_text_parses_back_and_matches_only_itself()
    {
        var print = Products.FingerprintOf(SampleProduct.Record(), FieldDirection.Both);
        var text = print.ToString();

        Assert.Matches("^[0-9a-f]{32}$", text);
        Assert.True(SyncFingerprint.TryParse(text, out var parsed));
        Assert.Equal(print, parsed);
        Assert.True(parsed == print);
        Assert.Equal(print.GetHashCode(), parsed.GetHashCode());
        Assert.True(print.Matches(text));

        var other = Products.FingerprintOf(SampleProduct.Record(), FieldDirection.ToRemote);
        Assert.NotEqual(print, other);
        Assert.True(print != other);
        Assert.False(other.Matches(text));
        Assert.False(print.Matches(text.Substring(0, 31) + (text[31] == '0' ? '1' : '0')));
        Assert.False(print.Matches(text[0] + text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("lr1")]
    [InlineData("0123456789abcdef0123456789abcde")]
    [InlineData("0123456789abcdef0123456789abcdef0")]
    [InlineData("0123456789ABCDEF0123456789abcdef")]
    [InlineData("0123456789abcdeg0123456789abcdef")]
    [InlineData(" 123456789abcdef0123456789abcdef")]
    public void Other_texts_are_not_fingerprints(string? text)
    {
        Assert.False(SyncFingerprint.TryParse(text, out var parsed));
        Assert.Equal(default, parsed);
        Assert.False(Products.FingerprintOf(SampleProduct.Record(), FieldDirection.Both).Matches(text));
    }

    [Fact]
    public void Upper_case_text_is_not_the_fingerprint_a_store_holds()
    {
        var print = Products.FingerprintOf(SampleProduct.Record(), FieldDirection.Both);

        Assert.False(print.Matches(print.ToString().ToUpperInvariant()));
    }

    [Fact]
    public void The_default_is_all_zeros()
    {
        Assert.Equal(new string('0', 32), default(SyncFingerprint).ToString());
        Assert.True(SyncFingerprint.TryParse(new string('0', 32), out var zero));
        Assert.Equal(default, zero);
    }

    [Fact]
    public void Fingerprints_order_as_their_texts_do()
    {
        var prints = Enumerable.Range(0, 200).Select(i => Products.FingerprintOf(SampleProduct.Record().With("Name", SyncValue.From(i)), FieldDirection.Both)).ToList();

        foreach (var (a, b) in prints.Zip(prints.Skip(1)))
        {
            Assert.Equal(Math.Sign(string.CompareOrdinal(a.ToString(), b.ToString())), Math.Sign(a.CompareTo(b)));
            Assert.Equal(a.CompareTo(b) < 0, a < b);
        }

        Assert.Equal(prints.Select(p => p.ToString()).Order(StringComparer.Ordinal), prints.Order().Select(p => p.ToString()));
    }

    [Fact]
    public void A_record_without_children_is_fingerprinted_without_allocating()
    {
        var record = SampleProduct.Record();
        var texts = SampleProduct.Record().With("Price__c", SyncValue.From("12.500")).With("IsActive", SyncValue.From("true"));
        var stored = Products.Fingerprint(record, FieldDirection.Both);
        Products.FingerprintOf(texts, FieldDirection.Both);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var matches = true;
        for (var i = 0; i < 100; i++)
        {
            matches &= Products.FingerprintOf(record, FieldDirection.Both).Matches(stored);
            matches &= Products.FingerprintOf(texts, FieldDirection.Both).Matches(stored);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(matches);
    }

    [Fact]
    public void A_record_with_a_few_child_lines_is_fingerprinted_without_allocating()
    {
        var orders = Order.SyncDefinition.GetMapper(new SyncTarget("Salesforce", "Order"));
        var order = new SyncRecord("Order", "801")
        {
            ["AccountId"] = SyncValue.From("001"),
            ["EffectiveDate"] = SyncValue.FromDate(new DateTime(2024, 9, 10)),
            ["OrderItems"] = SyncValue.From(Enumerable.Range(1, 32).Select(i => new SyncRecord("OrderItem") { ["Product2Id"] = SyncValue.From("p" + i), ["Quantity"] = SyncValue.From(i) }).ToArray()),
        };
        var stored = orders.Fingerprint(order, FieldDirection.Both);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var matches = true;
        for (var i = 0; i < 100; i++)
        {
            matches &= orders.FingerprintOf(order, FieldDirection.Both).Matches(stored);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(matches);
    }

    [Fact]
    public void The_builder_encodes_as_the_first_implementation_did()
    {
        // Random fields of every kind, read as every kind, against the encoding as first written (strings, then hash).
        var random = new Random(20261207);
        for (var round = 0; round < 3000; round++)
        {
            var record = new SyncRecord("Any");
            var fields = new List<(string Field, SyncValueKind Kind)>();
            for (var i = random.Next(0, 8); i > 0; i--)
            {
                var field = FieldName(random);
                fields.Add((field, (SyncValueKind)random.Next(0, 7)));
                if (random.Next(6) > 0)
                {
                    record[field] = RandomValue(random);
                }
            }

            var expected = new ReferenceFingerprint();
            var builder = new SyncFingerprintBuilder();
            foreach (var (field, kind) in fields)
            {
                expected.Add(record, field, kind);
                builder.Add(record, field, kind);
            }

            if (random.Next(3) == 0)
            {
                var lines = Enumerable.Range(0, random.Next(0, 40)).Select(_ => new SyncRecord("OrderItem")
                {
                    ["Product2Id"] = RandomValue(random),
                    ["Quantity"] = RandomValue(random),
                    IsDeleted = random.Next(5) == 0,
                }).ToArray();
                record["Lines"] = SyncValue.From(lines);
                expected.AddChildren(record, "Lines", Lines);
                builder.AddChildren(record, "Lines", FieldDirection.Both, Lines);
            }

            Assert.Equal(expected.ToString(), builder.ToFingerprint().ToString());
        }
    }

    [Fact]
    public void Numbers_encode_as_the_first_implementation_did()
    {
        var random = new Random(13);
        var numbers = new List<decimal> { decimal.MaxValue, decimal.MinValue, 0.0000000000000000000000000001m, -0.0000000000000000000000000001m, 1m, -1m, 10m, 100.000m, 0.10m, 1e-5m, 123456789012345678901234567.8m };
        for (var i = 0; i < 20000; i++)
        {
            numbers.Add(RandomDecimal(random));
            numbers.Add(new decimal(random.Next(-1000000, 1000000)) / (decimal)Math.Pow(10, random.Next(0, 10)));
        }

        foreach (var number in numbers)
        {
            var record = new SyncRecord("Any") { ["Amount"] = SyncValue.From(number) };
            var expected = new ReferenceFingerprint();
            expected.Add(record, "Amount", SyncValueKind.Number);
            var builder = new SyncFingerprintBuilder();
            builder.Add(record, "Amount", SyncValueKind.Number);

            Assert.Equal(expected.ToString(), builder.ToFingerprint().ToString());
        }
    }

    private static string FieldName(Random random) => random.Next(4) switch
    {
        0 => "Name",
        1 => "Price__c",
        2 => "straße_ıi_" + random.Next(10),
        _ => "Field" + random.Next(100).ToString(CultureInfo.InvariantCulture),
    };

    private static SyncValue RandomValue(Random random) => random.Next(16) switch
    {
        0 => SyncValue.Null,
        1 => SyncValue.From(""),
        2 => SyncValue.From(RandomText(random)),
        3 => SyncValue.From(random.Next(2) == 0),
        4 => SyncValue.From(RandomDecimal(random)),
        5 => SyncValue.From(RandomDecimal(random).ToString(random.Next(2) == 0 ? "G" : "E10", CultureInfo.InvariantCulture)),
        6 => SyncValue.From(new DateTimeOffset(RandomTicks(random), TimeSpan.FromMinutes(random.Next(-14 * 4, 14 * 4) * 15))),
        7 => SyncValue.FromDate(new DateTime(RandomTicks(random))),
        8 => SyncValue.From(new DateTime(RandomTicks(random), DateTimeKind.Utc).ToString(random.Next(2) == 0 ? "yyyy-MM-dd" : "yyyy-MM-dd'T'HH:mm:ss.fffffffzzz", CultureInfo.InvariantCulture)),
        9 => SyncValue.From("/Date(" + random.NextInt64(-62135596800000, 253402300799999).ToString(CultureInfo.InvariantCulture) + ")/"),
        10 => SyncValue.From(random.Next(2) == 0 ? " TRUE " : "False"),
        11 => SyncValue.From(Enumerable.Range(0, random.Next(0, 12)).Select(_ => new SyncRecord("X")).ToArray()),
        12 => SyncValue.From(random.Next(-1000, 1000)),
        13 => SyncValue.From(new string('x', random.Next(0, 3000))),
        14 => SyncValue.From(random.NextInt64(long.MinValue, long.MaxValue)),
        _ => SyncValue.From("2024-02-30"),
    };

    private static string RandomText(Random random)
    {
        const string Alphabet = "aZ09 ,.-_\u001E\u001F\"\\éß日本😀İı\ud800\udc00";
        var text = new StringBuilder();
        for (var i = random.Next(0, 30); i > 0; i--)
        {
            text.Append(Alphabet[random.Next(Alphabet.Length)]);
        }

        return text.ToString();
    }

    private static decimal RandomDecimal(Random random) =>
        new(random.Next(), random.Next(), random.Next(0, 4) == 0 ? random.Next() : 0, random.Next(2) == 0, (byte)random.Next(0, 29));

    private static long RandomTicks(Random random) => random.NextInt64(DateTime.MinValue.Ticks + TimeSpan.TicksPerDay, DateTime.MaxValue.Ticks - TimeSpan.TicksPerDay);

    /// <summary>The encoding as first written (canonical texts in a string, UTF-8, SHA-256): the oracle of the builder.</summary>
    private sealed class ReferenceFingerprint
    {
        private readonly StringBuilder _text = new();

        public void Add(SyncRecord record, string field, SyncValueKind kind)
        {
            record.TryGetValue(field, out var value);
            Append(field, Coerce(value, kind).ToString());
        }

        public void AddChildren(SyncRecord record, string field, IEntityMapper childMapper)
        {
            var prints = record[field].AsRecords()!.Where(child => !child.IsDeleted).Select(child => childMapper.Fingerprint(child, FieldDirection.Both)).ToArray();
            Array.Sort(prints, StringComparer.Ordinal);
            Append(field, "[" + string.Join(",", prints) + "]");
        }

        public override string ToString() =>
            string.Concat(SHA256.HashData(Encoding.UTF8.GetBytes(_text.ToString())).Take(16).Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));

        private static SyncValue Coerce(SyncValue value, SyncValueKind kind)
        {
            if (value.Kind == kind || value.Kind == SyncValueKind.Null)
            {
                return value;
            }

            try
            {
                return kind switch
                {
                    SyncValueKind.Number => SyncValue.From(value.AsDecimal()),
                    SyncValueKind.Boolean => SyncValue.From(value.AsBoolean()),
                    SyncValueKind.DateTime => SyncValue.From(value.AsDateTimeOffset()),
                    SyncValueKind.Date => value.AsDate() is { } date ? SyncValue.FromDate(date) : SyncValue.Null,
                    SyncValueKind.String => SyncValue.From(value.AsString()),
                    _ => value,
                };
            }
            catch (SyncValueException)
            {
                return value;
            }
        }

        private void Append(string field, string canonical) =>
            _text.Append(field.ToUpperInvariant()).Append('\u001F')
                .Append(canonical.Length.ToString(CultureInfo.InvariantCulture)).Append('\u001F')
                .Append(canonical).Append('\u001E');
    }
}

internal static class RecordChange
{
    public static SyncRecord With(this SyncRecord record, string field, SyncValue value)
    {
        record[field] = value;
        return record;
    }
}
