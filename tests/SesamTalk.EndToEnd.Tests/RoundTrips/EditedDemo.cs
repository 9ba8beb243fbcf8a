using SesamTalk.Samples.SyncJob.Reporting;

namespace SesamTalk.EndToEnd.Tests.RoundTrips;

/// <summary>
/// A converged demo in which every row's edit of one kind was made (each on the row's own record and field), followed by
/// one cycle of both hosts: each row's test then reads whether its edit arrived.
/// </summary>
/// <param name="editsTarget">True to make each row's <see cref="RowRoundTrip.TargetEdit"/>, false its <see cref="RowRoundTrip.SourceEdit"/>.</param>
public abstract class EditedDemo(bool editsTarget) : IAsyncLifetime
{
    private readonly Dictionary<string, EditedRow> _rows = [];

    internal ConvergedDemo Demo { get; } = new();

    /// <summary>The figures of the cycle after the edits.</summary>
    public RunFigures Cycle { get; } = new();

    internal EditedRow this[string title] => _rows[title];

    public async Task InitializeAsync()
    {
        await Demo.InitializeAsync();
        foreach (var trip in RowRoundTrips.All)
        {
            _rows[trip.Title] = await PrepareAsync(trip);
        }

        foreach (var (title, row) in _rows.Where(row => row.Value.Error is null).ToList())
        {
            try
            {
                await row.Edited!.EditAsync(row.Edit.Field, row.Edit.Value.DeepClone(), CancellationToken.None);
            }
            catch (Exception error) when (error is InvalidOperationException or ArgumentException)
            {
                _rows[title] = row with { Error = error };
            }
        }

        await Demo.SyncAsync(Cycle);
    }

    public Task DisposeAsync() => Demo.DisposeAsync();

    private async Task<EditedRow> PrepareAsync(RowRoundTrip trip)
    {
        var edit = editsTarget ? trip.TargetEdit : trip.SourceEdit;
        try
        {
            var row = SeedRows.All.Single(row => row.Title == trip.Title);
            var pair = await trip.Find(Demo, row, CancellationToken.None);
            var (edited, other) = editsTarget ? (pair.Target, pair.Source) : (pair.Source, pair.Target);
            var before = FieldText.Of(FieldPath.Get(await other.ReadAsync(CancellationToken.None), edit.ArrivesAs));
            return new EditedRow(row, pair, edit, edited, other, before, Error: null);
        }
        catch (InvalidOperationException error)
        {
            return new EditedRow(null, null, edit, null, null, null, error);
        }
    }
}

/// <summary>A row's edit in an <see cref="EditedDemo"/>: where it was made, the value it should replace, and any error making it.</summary>
internal sealed record EditedRow(SeedRow? Row, RowPair? Pair, FieldEdit Edit, IRecordSide? Edited, IRecordSide? Other, string? Before, Exception? Error);

/// <summary>The converged demo with every row's target record edited.</summary>
public sealed class TargetEditedDemo() : EditedDemo(editsTarget: true);

/// <summary>The converged demo with every row's source record edited.</summary>
public sealed class SourceEditedDemo() : EditedDemo(editsTarget: false);
