using System.Collections.Generic;
using System.Linq;
using SesamTalk.Generators.Helpers;
using SesamTalk.Generators.Model;

namespace SesamTalk.Generators.Emitting;

/// <summary>
/// Emits, once per compilation: the typed <c>TalkClient</c> with a member per entity that has flows of its own (not
/// the child-only ones such as order lines), the <c>SesamTalkModel</c> registry of every entity, and the
/// reflection-free <c>AddSesamTalk()</c> registration.
/// </summary>
internal static class ClientEmitter
{
    public const string HintName = "SesamTalk.Client.g.cs";

    public static string Emit(ClientIndex index)
    {
        var members = index.ClientEntries.ToList();

        // Child-only entities are not members, so only members decide; an internal one among public ones is SESAM010.
        var access = members.All(e => e.IsPublic) ? "public" : "internal";
        var writer = Generated.File();
        using (writer.Open("namespace " + index.Namespace))
        {
            WriteClient(writer, members, access);
            writer.Line();
            WriteModel(writer, index.Entries, access);
            writer.Line();
            WriteRegistration(writer, access);
        }

        return writer.ToString();
    }

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

    private static void WriteClient(SourceWriter writer, IReadOnlyList<ClientEntry> entries, string access)
    {
        writer.Line("/// <summary>The typed SesamTalk client of this assembly: one member per synced entity with flows of its own.</summary>");
        writer.Line(Generated.CodeAttribute);
        using (writer.Open(access + " sealed partial class TalkClient"))
        {
            writer.Line("/// <summary>Creates the client over <paramref name=\"engine\"/>.</summary>");
            using (writer.Open("public TalkClient(global::SesamTalk.ISyncEngine engine)"))
            {
                foreach (var entry in entries)
                {
                    writer.Line(entry.Member + " = new global::SesamTalk.EntitySyncClient<" + entry.FullyQualifiedName + ">(engine, " + entry.FullyQualifiedName + ".SyncDefinition);");
                }
            }

            foreach (var entry in entries)
            {
                writer.Line();
                writer.Line("/// <summary>Sync, plan and links of <see cref=\"" + entry.FullyQualifiedName + "\"/>.</summary>");
                writer.Line("public global::SesamTalk.EntitySyncClient<" + entry.FullyQualifiedName + "> " + entry.Member + " { get; }");
            }

            writer.Line();
            writer.Line("/// <summary>Runs one cycle of every flow, referenced entities first (customers before the orders that name them).</summary>");
            using (writer.Open("public async global::System.Threading.Tasks.Task<global::SesamTalk.SyncReport> SyncAllAsync(global::System.IProgress<global::SesamTalk.SyncProgress>? progress = null, global::System.Threading.CancellationToken cancellationToken = default)"))
            {
                writer.Line("var reports = new global::System.Collections.Generic.List<global::SesamTalk.SyncReport>();");
                foreach (var entry in entries)
                {
                    writer.Line("reports.Add(await " + entry.Member + ".SyncAsync(progress, cancellationToken).ConfigureAwait(false));");
                }

                writer.Line("return global::SesamTalk.SyncReport.Combine(reports);");
            }

            writer.Line();
            WriteListing(writer, entries, "SyncConflict", "GetConflictsAsync", "null, ", "The conflicts recorded for every entity's records.");
            writer.Line();
            WriteListing(writer, entries, "SyncQuarantineEntry", "GetQuarantineAsync", "", "The records of every entity set aside with an error, each error naming the record and the field.");
        }
    }

    /// <summary>A query over every member: <paramref name="method"/> of each entity, in the client's order.</summary>
    private static void WriteListing(SourceWriter writer, IReadOnlyList<ClientEntry> entries, string item, string method, string arguments, string summary)
    {
        var list = "global::System.Collections.Generic.List<global::SesamTalk." + item + ">";
        writer.Line("/// <summary>" + summary + "</summary>");
        using (writer.Open("public async global::System.Threading.Tasks.Task<global::System.Collections.Generic.IReadOnlyList<global::SesamTalk." + item + ">> " + method + "(global::System.Threading.CancellationToken cancellationToken = default)"))
        {
            writer.Line("var all = new " + list + "();");
            foreach (var entry in entries)
            {
                writer.Line("all.AddRange(await " + entry.Member + "." + method + "(" + arguments + "cancellationToken).ConfigureAwait(false));");
            }

            writer.Line("return all;");
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
}
