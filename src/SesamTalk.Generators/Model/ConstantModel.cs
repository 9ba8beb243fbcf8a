namespace SesamTalk.Generators.Model;

/// <summary>A constant for a remote field on create; <see cref="Literal"/> is a C# expression (or <c>null</c>).</summary>
internal sealed record ConstantModel(string Field, string Literal, PropertyKind? Kind);
