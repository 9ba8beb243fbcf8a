using System.Text.Json.Nodes;
using SesamTalk.Samples.SyncJob.Reporting;

namespace SesamTalk.EndToEnd.Tests.RoundTrips;

/// <summary>
/// How one seed row's round trip is checked: a record born in the row's source and the target record linked to it,
/// fields the row maps (with the conversion between the systems' forms), and an edit on each side.
/// </summary>
/// <param name="Title">The seed row's title.</param>
/// <param name="Find">Finds the source record and its linked target record on the converged demo.</param>
/// <param name="Provenance">How the link came about (<see cref="SyncLinkProvenance.CreatedBySync"/> for a record the sync created in the target).</param>
/// <param name="Mapped">Fields that must hold the same value on both sides, in each system's form.</param>
/// <param name="TargetEdit">An edit in the target record and the source field it must reach.</param>
/// <param name="SourceEdit">An edit in the source record and the target field it must reach.</param>
internal sealed record RowRoundTrip(
    string Title, RowRecords Find, SyncLinkProvenance Provenance, IReadOnlyList<MappedField> Mapped, FieldEdit TargetEdit, FieldEdit SourceEdit);

/// <summary>A source field and the target field it maps to.</summary>
/// <param name="Source">The field (a <see cref="FieldPath"/>) on the source side.</param>
/// <param name="Target">The field on the target side.</param>
/// <param name="Convert">The source value in the target's form; the same text when null.</param>
internal sealed record MappedField(string Source, string Target, Conversion? Convert = null);

/// <summary>A user's edit of one field and the value the linked record's field must have after the next cycle.</summary>
/// <param name="Field">The edited field.</param>
/// <param name="Value">The new value, typed as the system's API types the field.</param>
/// <param name="ArrivesAs">The field of the other side's record.</param>
/// <param name="Expected">Its value there, as <see cref="FieldText"/>.</param>
internal sealed record FieldEdit(string Field, JsonNode Value, string ArrivesAs, string Expected);

/// <summary>A row's source record and the target record its flow links to it.</summary>
internal sealed record RowPair(IRecordSide Source, IRecordSide Target, SyncLink Link);

/// <summary>Finds a row's <see cref="RowPair"/> on a converged demo.</summary>
internal delegate Task<RowPair> RowRecords(ConvergedDemo demo, SeedRow row, CancellationToken cancellationToken);

/// <summary>A source value in the target system's form (text as <see cref="FieldText"/> gives it).</summary>
internal delegate Task<string?> Conversion(ConvergedDemo demo, string? value, CancellationToken cancellationToken);
