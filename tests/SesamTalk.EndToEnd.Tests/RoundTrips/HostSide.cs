using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;

namespace SesamTalk.EndToEnd.Tests.RoundTrips;

/// <summary>
/// A record of a sample host's EF Core database, read as its entity's JSON (property names, enums by name) and edited as
/// the host app would: load it with its lines, change the field, save.
/// </summary>
internal sealed class HostSide<TEntity>(string host, Func<CancellationToken, Task<DbContext>> openDb, string id) : IRecordSide
    where TEntity : class
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    public string Name => $"{host} {typeof(TEntity).Name} {id}";

    public async Task<JsonObject> ReadAsync(CancellationToken cancellationToken)
    {
        await using var db = await openDb(cancellationToken);
        return JsonSerializer.SerializeToNode(await LoadAsync(db, cancellationToken), Json)!.AsObject();
    }

    public async Task EditAsync(string field, JsonNode value, CancellationToken cancellationToken)
    {
        await using var db = await openDb(cancellationToken);
        var record = await LoadAsync(db, cancellationToken);
        var json = JsonSerializer.SerializeToNode(record, Json)!.AsObject();
        FieldPath.Set(json, field, value);
        var edited = json.Deserialize<TEntity>(Json)!;

        // The edited copy's values onto the tracked record and, line by line (a path picks a line, it adds none), its lines.
        var entry = db.Entry(record);
        entry.CurrentValues.SetValues(edited);
        foreach (var lines in entry.Collections)
        {
            var editedLines = ((System.Collections.IEnumerable)lines.Metadata.GetGetter().GetClrValue(edited)!).Cast<object>().ToList();
            foreach (var (line, editedLine) in lines.CurrentValue!.Cast<object>().Zip(editedLines))
            {
                db.Entry(line).CurrentValues.SetValues(editedLine);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<TEntity> LoadAsync(DbContext db, CancellationToken cancellationToken)
    {
        var record = await db.Set<TEntity>().FindAsync([id], cancellationToken) ?? throw new InvalidOperationException(Name + " does not exist.");
        foreach (var lines in db.Entry(record).Collections)
        {
            await lines.LoadAsync(cancellationToken);
        }

        return record;
    }
}
