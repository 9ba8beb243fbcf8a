using SesamTalk.Generators.Helpers;

namespace SesamTalk.Generators.Model;

/// <summary>
/// What a <c>[References]</c> property points to in one system: the referenced entity, its remote types in that
/// system (<see cref="Candidates"/>, in declaration order) and the one whose links translate the value
/// (<see cref="TargetType"/>). Parsing decides when [References] names the type or only one candidate exists; the
/// catalog check decides the rest from the field's <c>referenceTo</c>; null means nothing decided. Once decided, the
/// catalog check empties <see cref="Candidates"/> so the model no longer depends on the types it did not choose.
/// </summary>
internal sealed record ReferenceModel(string Entity, string EntityType, EquatableArray<string> Candidates, string? TargetType);
