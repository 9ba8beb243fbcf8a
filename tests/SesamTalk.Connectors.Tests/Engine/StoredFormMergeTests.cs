using SesamTalk.Connectors.Engine;

namespace SesamTalk.Connectors.Tests.Engine;

/// <summary>
/// A remote system that stores a written value in another form (padded, rounded, re-spelled): the agreed state keeps
/// that form beside the agreed value, and each side is compared with its own, so the stored form is no edit while a
/// real edit on either side still travels.
/// </summary>
public sealed class StoredFormMergeTests
{
    private static readonly FieldListMapper Lines = new("Shop", "Line", "Sku", "Qty") { MatchKeys = ["Sku"] };
    private static readonly IReadOnlyList<MergeField> Fields = MergeField.Of(new FieldListMapper("Shop", "Account", "Code", "Name").WithChildren("Lines", "AccountId", Lines));
    private static readonly MergeClock Clock = new(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_value_the_remote_system_stored_in_another_form_is_no_edit()
    {
        var agreed = Agreed(Account("C-1001", "a:1"), stored: Account("  C-1001", "A:1.0"));

        var outcome = FieldMerge.Merge(Fields, "Account", Account("C-1001", "a:1"), Account("  C-1001", "A:1.0"), agreed, Clock, SyncSide.Local);

        Assert.Equal(0, outcome.ToHost.Count);
        Assert.Equal(0, outcome.ToRemote.Count);
        Assert.Empty(outcome.Conflicts);
        Assert.Equal(agreed.ToString(), outcome.Agreed.ToString()); // the stored forms stay known
    }

    [Fact]
    public void Without_the_stored_form_the_same_read_is_taken_for_a_remote_edit()
    {
        var agreed = Agreed(Account("C-1001", "a:1"), stored: null);

        var outcome = FieldMerge.Merge(Fields, "Account", Account("C-1001", "a:1"), Account("  C-1001", "A:1.0"), agreed, Clock, SyncSide.Local);

        Assert.Equal(["Code", "Lines"], outcome.ToHost.FieldNames.Order());
    }

    [Fact]
    public void A_remote_edit_after_a_stored_form_travels_to_the_host_and_both_sides_agree_on_it()
    {
        var agreed = Agreed(Account("C-1001", "a:1"), stored: Account("  C-1001", "a:1"));

        var outcome = FieldMerge.Merge(Fields, "Account", Account("C-1001", "a:1"), Account("  C-2002", "a:1"), agreed, Clock, SyncSide.Local);

        Assert.Equal("  C-2002", outcome.ToHost["Code"].AsString());
        Assert.Equal(0, outcome.ToRemote.Count);
        Assert.False(outcome.Agreed.StoresOtherForm("Code"));
    }

    [Fact]
    public void A_host_edit_after_a_stored_form_travels_to_the_remote_system_without_a_conflict()
    {
        var agreed = Agreed(Account("C-1001", "a:1"), stored: Account("  C-1001", "A:1.0"));

        var outcome = FieldMerge.Merge(Fields, "Account", Account("C-3003", "a:1 b:2"), Account("  C-1001", "A:1.0"), agreed, Clock, SyncSide.Local);

        Assert.Equal("C-3003", outcome.ToRemote["Code"].AsString());
        Assert.Equal(2, outcome.ToRemote["Lines"].AsRecords()!.Count);
        Assert.Equal(0, outcome.ToHost.Count);
        Assert.Empty(outcome.Conflicts);
    }

    [Fact]
    public void The_stored_forms_survive_the_link_store_and_older_states_still_read()
    {
        var agreed = Agreed(Account("C-1001", "a:1"), stored: Account("  C-1001", "a:1"));

        var reread = AgreedState.Parse(agreed.ToString())!;

        Assert.Equal(agreed.ToString(), reread.ToString());
        Assert.Equal(Token("Code", "  C-1001"), reread.RemoteToken("Code"));
        Assert.False(reread.StoresOtherForm("Lines"));
        var older = AgreedState.Parse("""{"Code":"x"}""")!;
        Assert.Equal("x", older.RemoteToken("Code"));
    }

    /// <summary>The state after the host's record was written and the remote system stored <paramref name="stored"/>.</summary>
    private static AgreedState Agreed(SyncRecord host, SyncRecord? stored)
    {
        var state = AgreedState.Observe(Fields, host, host);
        foreach (var field in Fields)
        {
            if (stored is not null && field.Token(stored) is { } token)
            {
                state.SetRemote(field.Name, token);
            }
        }

        return state;
    }

    private static string? Token(string field, string value) => Fields.Single(f => f.Name == field).Token(new SyncRecord("Account") { [field] = SyncValue.From(value) });

    private static SyncRecord Account(string code, string lines) => new("Account", "a1")
    {
        ["Code"] = SyncValue.From(code),
        ["Name"] = SyncValue.From("Albers"),
        ["Lines"] = SyncValue.From([.. lines.Split(' ').Select(line => new SyncRecord("Line") { ["Sku"] = SyncValue.From(line.Split(':')[0]), ["Qty"] = SyncValue.From(line.Split(':')[1]) })]),
    };
}
