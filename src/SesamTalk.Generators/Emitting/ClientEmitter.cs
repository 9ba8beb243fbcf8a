using System.Collections.Generic;
using System.Linq;
using SesamTalk.Generators.Helpers;
using SesamTalk.Generators.Model;

namespace SesamTalk.Generators.Emitting;

/// <summary>
/// Emits, once per compilation: the typed <c>TalkClient</c> with a member per entity, the <c>SesamTalkModel</c>
/// registry, and the reflection-free <c>AddSesamTalk()</c> registration.
/// </summary>
internal static class ClientEmitter
{
    public const string HintName = "SesamTalk.Client.g.cs";

    public static string Emit(ClientIndex index)
    {
        var entries = index.Entries;
        var access = entries.All(e => e.IsPublic) ? "public" : "internal";
        var writer = Generated.File();
        using (writer.Open("namespace " + index.Namespace))
        {
            WriteClient(writer, entries, access);
            writer.Line();
            WriteModel(writer, entries, access);
            writer.Line();
            WriteRegistration(writer, access);
        }

        return writer.ToString();
    }

    /// <summary>Pairs of entities whose class names clash (links and client members are keyed by the name).</summary>
    public static IReadOnlyList<(ClientEntry First, ClientEntry Second)> NameClashes(EquatableArray<ClientEntry> entries) =>
        entries
            .GroupBy(e => e.Name, System.StringComparer.Ordinal)
            .Where(group => group.Count() > 1)
            .SelectMany(group => group.Skip(1).Select(other => (group.First(), other)))
            .ToList();

    /// <summary>Orders entries so that every entity comes after the entities it references (stable; by name otherwise).</summary>
    public static EquatableArray<ClientEntry> DependencyOrder(IEnumerable<ClientEntry> entries)
    {
        var pending = entries.OrderBy(e => e.FullyQualifiedName, System.StringComparer.Ordinal).ToList();
        var ordered = new List<ClientEntry>(pending.Count);
        var placed = new HashSet<string>();
        while (pending.Count > 0)
        {
            // A reference cycle (or a reference to an entity with errors) must not stall the order: take the first then.
            var next = pending.FirstOrDefault(e => e.ReferencedEntities.All(r => placed.Contains(r) || r == e.FullyQualifiedName || pending.All(p => p.FullyQualifiedName != r)))
                ?? pending[0];
            pending.Remove(next);
            placed.Add(next.FullyQualifiedName);
            ordered.Add(next);
        }

        return ordered.ToEquatableArray();
    }

    private static void WriteClient(SourceWriter writer, EquatableArray<ClientEntry> entries, string access)
    {
        writer.Line("/// <summary>The typed SesamTalk client of this assembly: one member per synced entity.</summary>");
        writer.Line(Generated.CodeAttribute);
        using (writer.Open(access + " sealed partial class TalkClient"))
        {
            writer.Line("/// <summary>Creates the client over <paramref name=\"engine\"/>.</summary>");
            using (writer.Open("public TalkClient(global::SesamTalk.ISyncEngine engine)"))
            {
                foreach (var entry in entries)
                {
                    writer.Line(Member(entry) + " = new global::SesamTalk.EntitySyncClient<" + entry.FullyQualifiedName + ">(engine, " + entry.FullyQualifiedName + ".SyncDefinition);");
                }
            }

            foreach (var entry in entries)
            {
                writer.Line();
                writer.Line("/// <summary>Sync, plan and links of <see cref=\"" + entry.FullyQualifiedName + "\"/>.</summary>");
                writer.Line("public global::SesamTalk.EntitySyncClient<" + entry.FullyQualifiedName + "> " + Member(entry) + " { get; }");
            }

            writer.Line();
            writer.Line("/// <summary>Runs one cycle of every flow, referenced entities first (customers before the orders that name them).</summary>");
            using (writer.Open("public async global::System.Threading.Tasks.Task<global::SesamTalk.SyncReport> SyncAllAsync(global::System.IProgress<global::SesamTalk.SyncProgress>? progress = null, global::System.Threading.CancellationToken cancellationToken = default)"))
            {
                writer.Line("var reports = new global::System.Collections.Generic.List<global::SesamTalk.SyncReport>();");
                foreach (var entry in entries)
                {
                    writer.Line("reports.Add(await " + Member(entry) + ".SyncAsync(progress, cancellationToken).ConfigureAwait(false));");
                }

                writer.Line("return global::SesamTalk.SyncReport.Combine(reports);");
            }
        }
    }

    private static void WriteModel(SourceWriter writer, EquatableArray<ClientEntry> entries, string access)
    {
        writer.Line("/// <summary>Every synced entity of this assembly, referenced entities first.</summary>");
        writer.Line(Generated.CodeAttribute);
        using (writer.Open(access + " sealed class SesamTalkModel : global::SesamTalk.SyncModel"))
        {
            writer.Line("/// <summary>The one instance.</summary>");
            writer.Line("public static readonly SesamTalkModel Instance = new SesamTalkModel();");
            writer.Line();
            writer.Line("private SesamTalkModel()");
            writer.Line("    : base(");
            for (var i = 0; i < entries.Count; i++)
            {
                writer.Line("        " + entries[i].FullyQualifiedName + ".SyncDefinition" + (i == entries.Count - 1 ? ")" : ","));
            }

            writer.Line("{");
            writer.Line("}");
        }
    }

    private static void WriteRegistration(SourceWriter writer, string access)
    {
        writer.Line("/// <summary>Registers this assembly's SesamTalk model and typed client.</summary>");
        writer.Line(Generated.CodeAttribute);
        using (writer.Open(access + " static class SesamTalkServiceCollectionExtensions"))
        {
            writer.Line("/// <summary>");
            writer.Line("/// Registers <see cref=\"SesamTalkModel\"/> as <see cref=\"global::SesamTalk.ISyncModel\"/> and <see cref=\"TalkClient\"/>,");
            writer.Line("/// without reflection or assembly scanning. Add systems, the link store and the engine on the returned builder.");
            writer.Line("/// </summary>");
            writer.Line("public static global::SesamTalk.SesamTalkBuilder AddSesamTalk(this global::Microsoft.Extensions.DependencyInjection.IServiceCollection services) =>");
            writer.Line("    global::SesamTalk.SesamTalkServices.Register(services, SesamTalkModel.Instance, static engine => new TalkClient(engine));");
        }
    }

    private static string Member(ClientEntry entry) => Naming.Plural(entry.Name);
}
