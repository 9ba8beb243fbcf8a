using System.Text.Json.Serialization;

namespace SesamTalk.Samples.Customwebshop.Storage;

/// <summary>The webshop's entities as stored in its database; computed properties (totals, self-references) are not stored.</summary>
[JsonSourceGenerationOptions(IgnoreReadOnlyProperties = true)]
[JsonSerializable(typeof(Customer))]
[JsonSerializable(typeof(Order))]
[JsonSerializable(typeof(Product))]
internal sealed partial class CustomwebshopJsonContext : JsonSerializerContext;
