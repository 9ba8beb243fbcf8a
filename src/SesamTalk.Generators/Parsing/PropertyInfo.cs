using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace SesamTalk.Generators.Parsing;

/// <summary>A property of an entity as the parser sees it, with its SesamTalk attributes read once. Lives only during one parse.</summary>
internal sealed class PropertyInfo
{
    private PropertyInfo(IPropertySymbol symbol, bool declaredHere)
    {
        Symbol = symbol;
        Configs = symbol.GetAttributes().Select(AttributeConfigReader.Read).OfType<AttributeConfig>().ToImmutableArray();
        Attributes = symbol.GetAttributes();

        // Generated mappers are nested in the entity, so they reach its own private accessors;
        // inherited properties need public ones.
        CanRead = symbol.GetMethod is { } getter && (declaredHere || getter.DeclaredAccessibility == Accessibility.Public);
        CanWrite = symbol.SetMethod is { IsInitOnly: false } setter && (declaredHere || setter.DeclaredAccessibility == Accessibility.Public);
    }

    public IPropertySymbol Symbol { get; }

    public string Name => Symbol.Name;

    public ITypeSymbol Type => Symbol.Type;

    /// <summary>Every attribute, for the ones SesamTalk does not own ([MaxLength]).</summary>
    public ImmutableArray<AttributeData> Attributes { get; }

    /// <summary>The SesamTalk attributes, typed.</summary>
    public ImmutableArray<AttributeConfig> Configs { get; }

    public bool IsSyncId => Configs.OfType<SyncIdConfig>().Any();

    public IEnumerable<FieldConfig> Fields => Configs.OfType<FieldConfig>();

    public IEnumerable<SyncIgnoreConfig> Ignores => Configs.OfType<SyncIgnoreConfig>();

    public IEnumerable<MatchKeyConfig> MatchKeys => Configs.OfType<MatchKeyConfig>();

    public ReferencesConfig? References => Configs.OfType<ReferencesConfig>().FirstOrDefault();

    public IEnumerable<SyncChildrenConfig> Children => Configs.OfType<SyncChildrenConfig>();

    public bool CanRead { get; }

    public bool CanWrite { get; }

    public Location Location => Symbol.Locations.FirstOrDefault() ?? Microsoft.CodeAnalysis.Location.None;

    /// <summary>
    /// The properties a mapper considers: public instance properties, own and inherited (the most derived wins),
    /// and the entity's own non-public properties that carry a SesamTalk attribute.
    /// </summary>
    public static ImmutableArray<PropertyInfo> Collect(INamedTypeSymbol entity)
    {
        var seen = new HashSet<string>();
        var result = ImmutableArray.CreateBuilder<PropertyInfo>();
        for (var type = entity; type is not null && type.SpecialType != SpecialType.System_Object; type = type.BaseType)
        {
            var declaredHere = SymbolEqualityComparer.Default.Equals(type, entity);
            foreach (var property in type.GetMembers().OfType<IPropertySymbol>())
            {
                if (property.IsStatic || property.IsIndexer || !seen.Add(property.Name))
                {
                    continue;
                }

                var info = new PropertyInfo(property, declaredHere);
                var marked = declaredHere && info.Configs.Any(config => config is not SyncIgnoreConfig);
                if (property.DeclaredAccessibility == Accessibility.Public || marked)
                {
                    result.Add(info);
                }
            }
        }

        return result.ToImmutable();
    }
}
