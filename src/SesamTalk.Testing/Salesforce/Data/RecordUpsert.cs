using System.Text.Json.Nodes;
using SesamTalk.Testing.Salesforce.Http;
using SesamTalk.Testing.Salesforce.Schema;

namespace SesamTalk.Testing.Salesforce.Data;

/// <summary>What an upsert of one record comes to once its key is looked up.</summary>
internal enum UpsertVerdict
{
    /// <summary>No record matches: a new one is created with the key value set.</summary>
    Insert,

    /// <summary>One record matches: it is updated with the body.</summary>
    Update,

    /// <summary>Several records match: nothing is written.</summary>
    Ambiguous,

    /// <summary>No record matches and none may be created (<c>updateOnly=true</c>, or the key is <c>Id</c>).</summary>
    NoMatch,

    /// <summary>The object cannot be created (no match) or updated (a match), e.g. Invoice.</summary>
    NotAllowed,

    /// <summary>The body breaks a rule; <see cref="RecordUpsert.Errors"/> says which.</summary>
    Invalid,
}

/// <summary>
/// One record's upsert by an external ID, decided under the store's gate and committed only when the caller says so
/// (an allOrNone collection commits all or none). The body may carry the key field only with the key's own value.
/// </summary>
internal sealed class RecordUpsert
{
    private readonly SalesforceOrg _org;
    private readonly SObjectSchema _schema;
    private readonly Dictionary<string, JsonNode?> _values;

    private RecordUpsert(SalesforceOrg org, SObjectSchema schema, UpsertVerdict verdict, List<SObjectRecord> matches, Dictionary<string, JsonNode?> values, List<SalesforceError> errors)
    {
        _org = org;
        _schema = schema;
        Verdict = verdict;
        Matches = matches;
        _values = values;
        Errors = errors;
    }

    public UpsertVerdict Verdict { get; }

    /// <summary>The live records the key matched.</summary>
    public IReadOnlyList<SObjectRecord> Matches { get; }

    /// <summary>Why the record is <see cref="UpsertVerdict.Invalid"/>.</summary>
    public IReadOnlyList<SalesforceError> Errors { get; }

    /// <summary>The matched record's id, when exactly one matched.</summary>
    public string? MatchedId => Matches.Count == 1 ? Matches[0].Id : null;

    /// <summary>Looks the key up and validates the body for the write it comes to. Callers hold the store's gate.</summary>
    public static RecordUpsert Plan(SalesforceOrg org, SObjectSchema schema, ExternalIdKey key, string value, JsonObject body, bool updateOnly)
    {
        var matches = key.Matches(org.Records, schema, value);
        var (verdict, kind) = matches.Count switch
        {
            > 1 => (UpsertVerdict.Ambiguous, (WriteKind?)null),
            1 => schema.Updateable ? (UpsertVerdict.Update, WriteKind.Update) : (UpsertVerdict.NotAllowed, null),
            _ when updateOnly || key.IsId => (UpsertVerdict.NoMatch, null),
            _ => schema.Createable ? (UpsertVerdict.Insert, WriteKind.Create) : (UpsertVerdict.NotAllowed, null),
        };
        if (kind is not { } write)
        {
            return new RecordUpsert(org, schema, verdict, matches, [], []);
        }

        var sent = body.FirstOrDefault(p => string.Equals(p.Key, key.Field.Name, StringComparison.OrdinalIgnoreCase));
        if (sent.Key is not null && !key.Same(sent.Value, value))
        {
            return Refused(org, schema, matches, new SalesforceError(
                "INVALID_FIELD", $"The value of {key.Field.Name} in the sobject data differs from the external ID value in the URL: {value}", [key.Field.Name]));
        }

        var fields = body.DeepClone().AsObject();
        if (sent.Key is not null)
        {
            fields.Remove(sent.Key);
        }

        if (write == WriteKind.Create && !key.IsId)
        {
            fields[key.Field.Name] = key.AsJson(value);
        }

        var (values, errors) = org.Validator.Validate(schema, fields, write);
        return new RecordUpsert(org, schema, errors.Count == 0 ? verdict : UpsertVerdict.Invalid, matches, values, errors);
    }

    /// <summary>Writes the record (an <see cref="UpsertVerdict.Insert"/> or <see cref="UpsertVerdict.Update"/>) and returns its id.</summary>
    public string Commit(DateTimeOffset now)
    {
        if (Verdict == UpsertVerdict.Update)
        {
            _org.Writer.Update(Matches[0], _values, now);
            return Matches[0].Id;
        }

        return Verdict == UpsertVerdict.Insert
            ? _org.Writer.Insert(_schema, _values, now).Id
            : throw new InvalidOperationException($"An upsert that is {Verdict} writes nothing.");
    }

    private static RecordUpsert Refused(SalesforceOrg org, SObjectSchema schema, List<SObjectRecord> matches, SalesforceError error) =>
        new(org, schema, UpsertVerdict.Invalid, matches, [], [error]);
}
