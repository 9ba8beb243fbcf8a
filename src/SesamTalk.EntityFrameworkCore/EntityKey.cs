using System.Collections;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace SesamTalk.EntityFrameworkCore;

/// <summary>
/// A synced entity's own primary key (one property: int, long, Guid, string, ...): its invariant text form, which is
/// the id the engine links, and the query predicates the store builds on it.
/// </summary>
internal sealed class EntityKey
{
    private static readonly MethodInfo PropertyMethod = typeof(EF).GetMethod(nameof(EF.Property))!;
    private static readonly MethodInfo CompareMethod = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;

    private EntityKey(string name, Type clrType)
    {
        Name = name;
        ClrType = clrType;
    }

    /// <summary>The key property's name.</summary>
    public string Name { get; }

    /// <summary>The key property's type.</summary>
    public Type ClrType { get; }

    /// <summary>The key of <paramref name="entityType"/>.</summary>
    /// <exception cref="InvalidOperationException">The entity has no primary key, or a composite one.</exception>
    public static EntityKey Of(IReadOnlyEntityType entityType)
    {
        var key = entityType.FindPrimaryKey();
        if (key is null || key.Properties.Count != 1)
        {
            throw new InvalidOperationException(
                $"SesamTalk syncs {entityType.ClrType.Name} by its primary key, which must be one property (the [SyncId] property); it has {key?.Properties.Count ?? 0}.");
        }

        return new EntityKey(key.Properties[0].Name, key.Properties[0].ClrType);
    }

    /// <summary>The invariant text form of a key value.</summary>
    public static string Text(object? value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";

    /// <summary>The key value of an invariant text form.</summary>
    /// <exception cref="FormatException">The text is not a key of this type.</exception>
    public object Parse(string text)
    {
        var type = Nullable.GetUnderlyingType(ClrType) ?? ClrType;
        return type == typeof(string) ? text
            : type == typeof(Guid) ? Guid.Parse(text)
            : Convert.ChangeType(text, type, CultureInfo.InvariantCulture);
    }

    /// <summary>Whether the value is the type's default (a new record whose key the database or EF assigns).</summary>
    public bool IsUnset(object? value) => value is null || value.Equals(ClrType.IsValueType ? Activator.CreateInstance(ClrType) : "");

    /// <summary>
    /// <c>e =&gt; ids.Contains(e.Key)</c>, with the ids parsed to the key's type as one query parameter (which the
    /// provider sends as an array, or as one parameter per id).
    /// </summary>
    /// <exception cref="FormatException">An id is not a key of this type.</exception>
    public Expression<Func<TEntity, bool>> In<TEntity>(IEnumerable<string> ids)
    {
        var values = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(ClrType))!;
        foreach (var id in ids)
        {
            values.Add(Parse(id));
        }

        var entity = Expression.Parameter(typeof(TEntity), "entity");
        var contains = Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [ClrType], Parameter(values, values.GetType()), Access(entity));
        return Expression.Lambda<Func<TEntity, bool>>(contains, entity);
    }

    /// <summary>
    /// The keyset predicate after the position (<paramref name="stamp"/>, <paramref name="id"/>):
    /// <c>stamp &gt; s OR (stamp = s AND key &gt; k)</c>, with both as query parameters.
    /// </summary>
    public Expression<Func<TEntity, bool>> After<TEntity>(long stamp, string id)
    {
        var entity = Expression.Parameter(typeof(TEntity), "entity");
        var entityStamp = Expression.Call(PropertyMethod.MakeGenericMethod(typeof(long)), entity, Expression.Constant(SesamTalkSchema.StampProperty));
        var cursorStamp = Parameter(stamp, typeof(long));
        var key = Access(entity);
        var cursorKey = Parameter(Parse(id), ClrType);
        var keyAfter = ClrType == typeof(string)
            ? Expression.GreaterThan(Expression.Call(CompareMethod, key, cursorKey), Expression.Constant(0))
            : Expression.GreaterThan(key, cursorKey);
        var body = Expression.OrElse(
            Expression.GreaterThan(entityStamp, cursorStamp),
            Expression.AndAlso(Expression.Equal(entityStamp, cursorStamp), keyAfter));
        return Expression.Lambda<Func<TEntity, bool>>(body, entity);
    }

    private MethodCallExpression Access(ParameterExpression entity) =>
        Expression.Call(PropertyMethod.MakeGenericMethod(ClrType), entity, Expression.Constant(Name));

    /// <summary>A captured value, so EF sends it as a parameter instead of inlining it into the SQL.</summary>
    private static UnaryExpression Parameter(object value, Type type) =>
        Expression.Convert(Expression.Field(Expression.Constant(new StrongBox<object>(value)), nameof(StrongBox<object>.Value)), type);
}
