using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using SesamTalk.Generators.Model;

namespace SesamTalk.Generators.Parsing;

/// <summary>
/// A SesamTalk attribute read once into typed values (<see cref="AttributeConfigReader"/>), so the rest of the parser
/// never names an attribute property. Lives only during one parse; never enters the pipeline.
/// </summary>
internal abstract class AttributeConfig
{
    protected AttributeConfig(AttributeData data) => Data = data;

    /// <summary>The attribute as the compiler sees it, for its location.</summary>
    public AttributeData Data { get; }

    /// <summary>The system (and type) the attribute names, when it names one; checked against [SyncsWith] (SESAM102).</summary>
    public virtual (string? System, string? Type) Scope => (null, null);

    /// <summary>Enum arguments holding no named member, as written (<c>(FieldDirection)3</c>): SESAM107.</summary>
    public List<string> UndefinedValues { get; } = new();

    /// <summary>Whether the attribute applies to (system, type): its system matches, and its type is absent or matches.</summary>
    public static bool AppliesTo(string? system, string? type, TargetDeclaration target) =>
        system is not null
        && string.Equals(system, target.System, StringComparison.OrdinalIgnoreCase)
        && (type is null || string.Equals(type, target.Type, StringComparison.OrdinalIgnoreCase));
}

/// <summary>[SyncsWith(system, type, Origin = ...)] on the entity.</summary>
internal sealed class SyncsWithConfig(AttributeData data, string? system, string? type, Origin origin) : AttributeConfig(data)
{
    public string? System { get; } = system;

    public string? Type { get; } = type;

    public Origin Origin { get; } = origin;
}

/// <summary>[SyncConstant(system, type, field, value)] on the entity.</summary>
internal sealed class SyncConstantConfig(AttributeData data, string? system, string? type, string? field, TypedConstant? value) : AttributeConfig(data)
{
    public string? System { get; } = system;

    public string? Type { get; } = type;

    public string? Field { get; } = field;

    public TypedConstant? Value { get; } = value;

    public override (string? System, string? Type) Scope => (System, Type);
}

/// <summary>[Field(system, name?, Type, Direction, Conflict, Converter)] on a property.</summary>
internal sealed class FieldConfig(AttributeData data, string? system, string? name, string? type, Direction? direction, Conflict conflict, INamedTypeSymbol? converter)
    : AttributeConfig(data)
{
    public string? System { get; } = system;

    /// <summary>The remote field's name; null maps the field by the property's name.</summary>
    public string? Name { get; } = name;

    public string? Type { get; } = type;

    /// <summary>The direction the attribute sets; null when it sets none.</summary>
    public Direction? Direction { get; } = direction;

    public Conflict Conflict { get; } = conflict;

    public INamedTypeSymbol? Converter { get; } = converter;

    public override (string? System, string? Type) Scope => (System, Type);
}

/// <summary>[SyncIgnore(system?, Type)] on a property; without a system it ignores the property everywhere.</summary>
internal sealed class SyncIgnoreConfig(AttributeData data, string? system, string? type) : AttributeConfig(data)
{
    public string? System { get; } = system;

    public string? Type { get; } = type;

    public override (string? System, string? Type) Scope => (System, Type);

    public bool Ignores(TargetDeclaration target) => System is null || AppliesTo(System, Type, target);
}

/// <summary>[MatchKey(System, Type)] on a property; without a system it is a match key everywhere.</summary>
internal sealed class MatchKeyConfig(AttributeData data, string? system, string? type) : AttributeConfig(data)
{
    public string? System { get; } = system;

    public string? Type { get; } = type;

    public override (string? System, string? Type) Scope => (System, Type);

    public bool Keys(TargetDeclaration target) => System is null || AppliesTo(System, Type, target);
}

/// <summary>[References(typeof(X), Type)] on a property.</summary>
internal sealed class ReferencesConfig(AttributeData data, INamedTypeSymbol? entity, string? type) : AttributeConfig(data)
{
    public INamedTypeSymbol? Entity { get; } = entity;

    public string? Type { get; } = type;
}

/// <summary>[SyncChildren(system, childType, Field, ParentField, ParentType)] on a collection property.</summary>
internal sealed class SyncChildrenConfig(AttributeData data, string? system, string? childType, string? field, string? parentField, string? parentType)
    : AttributeConfig(data)
{
    public string? System { get; } = system;

    public string? ChildType { get; } = childType;

    public string? Field { get; } = field;

    public string? ParentField { get; } = parentField;

    public string? ParentType { get; } = parentType;

    public override (string? System, string? Type) Scope => (System, ParentType);
}
