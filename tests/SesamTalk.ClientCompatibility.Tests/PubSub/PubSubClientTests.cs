using System.Reflection;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.Json.Nodes;
using SesamTalk.Testing.Salesforce;

namespace SesamTalk.ClientCompatibility.Tests.PubSub;

/// <summary>
/// The npm Pub/Sub API client (salesforce-pubsub-api-client, tests/Clients/pubsub) subscribes, unchanged, to the
/// emulator's change events over TLS: the real protocol file it ships, its Avro decoding, its changed-fields bitmap
/// decoding and its replay ids (eight bytes, big-endian) all work against the emulator.
/// </summary>
public sealed class PubSubClientTests
{
    private static readonly string Folder = Path.GetFullPath(typeof(PubSubClientTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "PubSubClientFolder").Value!);

    [Fact]
    public async Task The_npm_client_receives_and_replays_the_change_events_of_the_emulators_writes()
    {
        await NodeRuntime.EnsureAvailableAsync(Folder);
        await NpmPackages.EnsureInstalledAsync(Folder);
        using var certificate = SelfSignedCertificate();
        var options = new SalesforceEmulatorOptions();
        options.PubSub.Certificate = certificate;
        await using var org = await SalesforceEmulator.StartAsync(options);
        var first = org.Seed("Product2", new JsonObject { ["Name"] = "Widget" });
        var second = org.Seed("Product2", new JsonObject { ["Name"] = "Gadget" });
        org.Edit(first, new JsonObject { ["Name"] = "Widget 2", ["Description"] = "Renamed" });

        var result = await ChildProcess.RunAsync("node", ["subscribe.mjs"], Folder, new Dictionary<string, string>
        {
            ["PUBSUB_ENDPOINT"] = $"{org.PubSubUrl.Host}:{org.PubSubUrl.Port}",
            ["SF_INSTANCE_URL"] = $"https://{org.BaseUrl.Authority}", // the client accepts only https instance URLs; the emulator compares host and port
            ["SF_ACCESS_TOKEN"] = org.IssueAccessToken(),
            ["PUBSUB_TOPIC"] = "/data/Product2ChangeEvent",
            ["PUBSUB_COUNT"] = "2",
        }, TimeSpan.FromMinutes(2));

        Assert.True(result.ExitCode == 0, $"The npm Pub/Sub API client failed:\n{result}");
        var output = JsonNode.Parse(result.Output)!;
        var earliest = output["earliest"]!.AsArray();
        Assert.Equal([$"CREATE {first} Widget", $"CREATE {second} Gadget"], earliest.Select(Summary));
        var replayed = output["replayed"]!.AsArray();
        Assert.Equal([$"CREATE {second} Gadget", $"UPDATE {first} Widget 2"], replayed.Select(Summary));
        Assert.Equal(["Name", "Description", "LastModifiedDate"], replayed[1]!["changedFields"]!.AsArray().Select(f => (string)f!));
        Assert.True((long)replayed[0]!["replayId"]! > (long)earliest[0]!["replayId"]!);
    }

    private static string Summary(JsonNode? e) =>
        $"{(string)e!["changeType"]!} {(string)e["recordIds"]![0]!} {e["name"]?.GetValue<string>()}";

    /// <summary>A certificate for 127.0.0.1, as a test TLS server needs; the client is told not to check it.</summary>
    private static X509Certificate2 SelfSignedCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        // Kestrel on Linux needs the key in exportable PKCS#12 form.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null);
    }
}
