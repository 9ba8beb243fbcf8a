using System.Text.Json.Serialization;

namespace SesamTalk.Samples.Customerp.Storage;

/// <summary>The ERP's entities as stored in its database.</summary>
[JsonSourceGenerationOptions(IgnoreReadOnlyProperties = true)]
[JsonSerializable(typeof(Contact))]
[JsonSerializable(typeof(Order))]
[JsonSerializable(typeof(Product))]
[JsonSerializable(typeof(Quote))]
internal sealed partial class CustomerpJsonContext : JsonSerializerContext;
