namespace SesamTalk.Generators.Model;

/// <summary>The input of one mapper file: an entity's header and one of its targets.</summary>
internal sealed record MapperModel(EntityHeader Entity, TargetModel Target);
