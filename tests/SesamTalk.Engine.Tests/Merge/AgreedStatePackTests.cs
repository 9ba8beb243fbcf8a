using System.Text;
using System.Text.Json;
using SesamTalk.Connectors.Engine;

namespace SesamTalk.Engine.Tests.Merge;

/// <summary>
/// <see cref="AgreedState.Pack"/>: a work's agreed state waits through its unit's writes as the UTF-8 of its stored form.
/// Packed, it reads, changes, copies and writes exactly as it did before.
/// </summary>
public sealed class AgreedStatePackTests
{
    private const string Stored = """{"Name":"n1","ProductCode":"c1","@remote":{"Name":"n2"}}""";

    [Fact]
    public void A_packed_state_writes_the_same_stored_form_as_text_and_as_json()
    {
        var state = AgreedState.Parse(Stored)!;
        var before = state.ToString();

        state.Pack();

        Assert.Equal(before, state.ToString());
        Assert.Equal(before, Written(state));
        Assert.Equal("""{"Name":"n1","ProductCode":"c1","@remote":{"Name":"n2"}}""", before);
    }

    [Fact]
    public void A_packed_state_reads_its_tokens_and_remote_forms()
    {
        var state = AgreedState.Parse(Stored)!;

        state.Pack();

        Assert.True(state.TryGet("productcode", out var code));
        Assert.Equal("c1", code);
        Assert.Equal("n2", state.RemoteToken("Name"));
        Assert.True(state.StoresOtherForm("Name"));
        Assert.False(state.StoresOtherForm("ProductCode"));
    }

    [Fact]
    public void A_copy_of_a_packed_state_changes_without_touching_it()
    {
        var state = AgreedState.Parse(Stored)!;
        state.Pack();

        var copy = state.Copy();
        copy.SetRemote("ProductCode", "c2");
        copy.Set("Name", "n3");

        Assert.Equal(Stored, state.ToString());
        Assert.Equal(Stored, Written(state));
        Assert.Equal("""{"Name":"n3","ProductCode":"c1","@remote":{"ProductCode":"c2"}}""", copy.ToString());
    }

    [Fact]
    public void A_packed_state_changed_again_writes_the_change()
    {
        var state = AgreedState.Parse(Stored)!;
        state.Pack();

        state.Set("Description", "d1");

        Assert.Equal("""{"Description":"d1","Name":"n1","ProductCode":"c1","@remote":{"Name":"n2"}}""", Written(state));
    }

    /// <summary>The state as a link store's batch writes it: a property's value inside a larger JSON object.</summary>
    private static string Written(AgreedState state)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("agreed");
            state.WriteTo(writer);
            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(Encoding.UTF8.GetString(stream.ToArray()));
        return document.RootElement.GetProperty("agreed").GetRawText();
    }
}
