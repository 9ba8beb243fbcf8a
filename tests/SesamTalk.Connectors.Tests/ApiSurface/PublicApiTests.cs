using System.Reflection;
using System.Text;

namespace SesamTalk.Connectors.Tests.ApiSurface;

/// <summary>
/// The public API of SesamTalk.Abstractions and SesamTalk.Connectors against a committed list, one line per public
/// type and member: a rename or a removal fails here, so it is made on purpose and goes in CHANGELOG.md.
/// <c>SESAMTALK_ACCEPT_API=1</c> writes the current surface to the list (except when <c>CI=true</c>).
/// </summary>
public sealed class PublicApiTests
{
    [Theory]
    [InlineData("SesamTalk.Abstractions")]
    [InlineData("SesamTalk.Connectors")]
    public void The_public_api_is_the_committed_one(string assembly)
    {
        var actual = PublicApi.Of(Assembly.Load(assembly));
        var file = Path.Combine(Root(), "tests", "SesamTalk.Connectors.Tests", "ApiSurface", assembly + ".api.txt");

        if (Environment.GetEnvironmentVariable("SESAMTALK_ACCEPT_API") == "1" && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            File.WriteAllText(file, actual);
        }

        var committed = File.Exists(file) ? File.ReadAllText(file).ReplaceLineEndings("\n") : "";
        var removed = Lines(committed).Except(Lines(actual)).ToList();
        var added = Lines(actual).Except(Lines(committed)).ToList();
        Assert.True(
            removed.Count == 0 && added.Count == 0,
            $"The public API of {assembly} changed (SESAMTALK_ACCEPT_API=1 accepts it; list breaking changes in CHANGELOG.md).\nRemoved:\n  {string.Join("\n  ", removed)}\nAdded:\n  {string.Join("\n  ", added)}");
    }

    [Fact]
    public void A_renamed_member_shows_as_removed_and_added()
    {
        var before = PublicApi.Of(typeof(EntitySyncClient<>).Assembly);

        Assert.Contains("  method System.Threading.Tasks.Task`1[System.Collections.Generic.IReadOnlyList`1[SesamTalk.SyncLink]] GetLinksAsync(System.String, System.Threading.CancellationToken)", Lines(before));
        Assert.DoesNotContain(Lines(before), line => line.Contains(" LinksAsync(", StringComparison.Ordinal));
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static string Root()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SesamTalk.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("SesamTalk.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>
/// An assembly's public surface as sorted text: each visible type with its visible bases (an internal interface a type
/// implements is not part of it), then its public and protected members.
/// </summary>
internal static class PublicApi
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    public static string Of(Assembly assembly)
    {
        var text = new StringBuilder();
        foreach (var type in assembly.GetExportedTypes().OrderBy(type => type.FullName, StringComparer.Ordinal))
        {
            text.Append(Kind(type)).Append(' ').Append(type.FullName).Append(Bases(type)).Append('\n');
            foreach (var member in type.GetMembers(Declared).Where(Visible).Select(Describe).Order(StringComparer.Ordinal))
            {
                text.Append("  ").Append(member).Append('\n');
            }
        }

        return text.ToString();
    }

    private static string Kind(Type type) =>
        type.IsInterface ? "interface" : type.IsEnum ? "enum" : type.IsValueType ? "struct" : type.IsAbstract && type.IsSealed ? "static class" : type.IsAbstract ? "abstract class" : type.IsSealed ? "sealed class" : "class";

    private static string Bases(Type type)
    {
        var bases = new[] { type.BaseType }.Where(b => b is not null && b != typeof(object) && b != typeof(ValueType) && b != typeof(Enum)).Concat(type.GetInterfaces().Where(i => i.IsVisible).OrderBy(i => i.FullName, StringComparer.Ordinal)).Select(b => b!.ToString()).ToList();
        return bases.Count == 0 ? "" : " : " + string.Join(", ", bases);
    }

    private static bool Visible(MemberInfo member) => member switch
    {
        MethodBase method => (method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly) && !(method.IsSpecialName && method is MethodInfo),
        FieldInfo field => (field.IsPublic || field.IsFamily || field.IsFamilyOrAssembly) && !field.IsSpecialName,
        PropertyInfo property => property.GetAccessors(nonPublic: true).Any(accessor => accessor.IsPublic || accessor.IsFamily || accessor.IsFamilyOrAssembly),
        EventInfo e => e.AddMethod is { } add && (add.IsPublic || add.IsFamily),
        _ => false,
    };

    private static string Describe(MemberInfo member) => member switch
    {
        ConstructorInfo constructor => "ctor(" + Parameters(constructor) + ")",
        MethodInfo method => "method " + (method.IsStatic ? "static " : "") + method.ReturnType + " " + method.Name + Generic(method) + "(" + Parameters(method) + ")",
        PropertyInfo property => "property " + property.PropertyType + " " + property.Name + " {" + Accessors(property) + " }",
        FieldInfo field => "field " + (field.IsLiteral ? "const " : field.IsStatic ? "static " : "") + field.FieldType + " " + field.Name,
        EventInfo e => "event " + e.EventHandlerType + " " + e.Name,
        _ => member.ToString()!,
    };

    private static string Generic(MethodInfo method) =>
        method.IsGenericMethodDefinition ? "<" + string.Join(", ", method.GetGenericArguments().Select(argument => argument.Name)) + ">" : "";

    private static string Parameters(MethodBase method) =>
        string.Join(", ", method.GetParameters().Select(parameter => parameter.ParameterType.ToString()));

    private static string Accessors(PropertyInfo property) =>
        (property.GetMethod is { } get && (get.IsPublic || get.IsFamily) ? " get;" : "")
        + (property.SetMethod is { } set && (set.IsPublic || set.IsFamily) ? (set.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.Name == "IsExternalInit") ? " init;" : " set;") : "");
}
