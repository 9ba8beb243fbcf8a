using SesamTalk.Generators.Tests.Infrastructure;

namespace SesamTalk.Generators.Tests;

/// <summary>What the typed client offers a host: named members, typed targets, and no member for child-only entities.</summary>
public class TypedClientTests
{
    [Fact]
    public void SyncClientMember_names_the_member_and_host_code_uses_it_and_the_typed_targets()
    {
        var (result, output) = GeneratorHarness.Run(GeneratorHarness.Compile("""
            using SesamTalk;

            namespace Crm;

            [SyncsWith("Customcrm", "Contact"), SyncsWith("Customerp", "Person"), SyncClientMember("People")]
            public partial class Person { [SyncId] public string Id { get; set; } = ""; }

            public static class Host
            {
                public static System.Threading.Tasks.Task<SyncReport> SyncContacts(TestHost.TalkClient talk) =>
                    talk.People.SyncAsync(Person.SyncTargets.CustomcrmContact);

                public static SyncTarget Erp => Person.SyncTargets.CustomerpPerson;
            }
            """));

        Assert.Empty(result.Diagnostics);
        Assert.Empty(GeneratorHarness.CompileProblems(output));
        var client = Client(result);
        Assert.Contains("EntitySyncClient<global::Crm.Person> People { get; }", client, StringComparison.Ordinal);
        Assert.DoesNotContain("Persons", client, StringComparison.Ordinal);
    }

    [Fact]
    public void An_entity_carried_as_child_records_has_no_member_but_stays_in_the_model()
    {
        var (result, output) = GeneratorHarness.Run(GeneratorHarness.Compile(Sources.Orders));

        Assert.Empty(GeneratorHarness.CompileProblems(output));
        var client = Client(result);
        Assert.DoesNotContain("OrderLines", client, StringComparison.Ordinal);
        Assert.Contains("global::Shop.Sales.OrderLine.SyncDefinition)", client, StringComparison.Ordinal);
    }

    private static string Client(Microsoft.CodeAnalysis.GeneratorDriverRunResult result) =>
        result.Results.Single().GeneratedSources.Single(source => source.HintName == "SesamTalk.Client.g.cs").SourceText.ToString();
}
