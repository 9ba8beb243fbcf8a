using SesamTalk.Testing.Catalogs;

namespace SesamTalk.Testing.Salesforce.Schema;

/// <summary>
/// What Salesforce gives every custom object (<c>Project__c</c>) that a catalog may leave out: a key prefix from the custom
/// range (<c>a00</c>, <c>a01</c>, ...), the owner (<c>OwnerId</c>, reference to User or Group, defaulted to the creating
/// user) and the name field (<c>Name</c>, text 80, <c>idLookup</c>, named by the record's id when a create leaves it out),
/// as the describe of a custom object in restforce's recorded <c>sobject_describe_success_response.json</c> shows them.
/// </summary>
internal static class CustomObjects
{
    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private static readonly CatalogField Owner = new(
        "OwnerId", "reference", 18, Key: false, Createable: true, Updateable: true, Nillable: false, DefaultedOnCreate: true,
        IdLookup: false, ExternalId: false, Unique: false, Filterable: true, AutoNumber: false, ["Group", "User"], [], null, [], false);

    private static readonly CatalogField Name = new(
        "Name", "string", 80, Key: false, Createable: true, Updateable: true, Nillable: true, DefaultedOnCreate: true,
        IdLookup: true, ExternalId: false, Unique: false, Filterable: true, AutoNumber: false, [], [], null, [], false);

    /// <summary>The objects with every custom one completed; key prefixes already taken are skipped.</summary>
    public static List<CatalogObject> Complete(IReadOnlyList<CatalogObject> objects)
    {
        var taken = objects.Select(o => o.KeyPrefix).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var next = 0;
        string NextPrefix()
        {
            string prefix;
            do
            {
                prefix = string.Concat("a", Base62[next / 62].ToString(), Base62[next % 62].ToString());
                next++;
            }
            while (!taken.Add(prefix));
            return prefix;
        }

        return [.. objects.Select(o => !o.Name.EndsWith("__c", StringComparison.Ordinal) ? o : o with
        {
            KeyPrefix = o.KeyPrefix ?? NextPrefix(),
            Fields = [.. new[] { Owner, Name }.Where(f => !o.Fields.Any(own => string.Equals(own.Name, f.Name, StringComparison.OrdinalIgnoreCase))), .. o.Fields],
        })];
    }
}
