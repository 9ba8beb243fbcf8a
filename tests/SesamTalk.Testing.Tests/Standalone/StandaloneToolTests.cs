using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using SesamTalk.Tests.Shared;

namespace SesamTalk.Testing.Tests.Standalone;

/// <summary>
/// The standalone tool as a user, a service manager or a container runtime meets it: started as a process, stopped with
/// a signal, asked for help, given a wrong command line. Signals are POSIX: these tests run where <c>kill</c> does.
/// </summary>
public sealed partial class StandaloneToolTests
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData("TERM", 15)]
    [InlineData("INT", 2)]
    [InlineData("QUIT", 3)]
    public async Task A_stop_signal_stops_every_emulator_frees_its_port_and_exits_0(string signal, int number)
    {
        Assert.False(IgnoredByThisProcess(number), $"this test process ignores SIG{signal} and its children inherit that (a shell started it in the background without job control); run the tests in the foreground.");
        using var tool = ToolProcess.Start("Salesforce", "Customcrm");
        await tool.WaitUntilReadyAsync();
        var ports = BaseUrlPorts().Matches(tool.Output).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(2, ports.Count);

        tool.Send(signal);
        var (exitCode, errors) = await tool.WaitForExitAsync(StopTimeout);

        Assert.True(exitCode == 0, $"exit code {exitCode}: {errors}");
        Assert.Equal("", errors);
        Assert.EndsWith($"Stopping on SIG{signal}.\nStopped.\n", tool.Output, StringComparison.Ordinal);
        Assert.All(ports, port =>
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
        });
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public async Task Help_prints_the_usage_starts_nothing_and_exits_0(string help)
    {
        using var tool = ToolProcess.Start("Salesforce", help);

        var (exitCode, errors) = await tool.WaitForExitAsync(StopTimeout);

        Assert.Equal(0, exitCode);
        Assert.Equal("", errors);
        Assert.StartsWith("Usage: sesamtalk-emulators [options] [Name[:port] ...]\n", tool.Output, StringComparison.Ordinal);
        Assert.Contains("--catalog FILE", tool.Output, StringComparison.Ordinal);
        Assert.Contains("--seed-demo", tool.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("127.0.0.1:", tool.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--bogus", "'--bogus' is not an option.")]
    [InlineData("--catalog", "--catalog needs a file")]
    [InlineData("Salesforce:http", "'Salesforce:http' is not a system to start.")]
    public async Task A_wrong_command_line_exits_2_with_the_error_and_the_usage_on_standard_error(string argument, string error)
    {
        using var tool = ToolProcess.Start(argument);

        var (exitCode, errors) = await tool.WaitForExitAsync(StopTimeout);

        Assert.Equal(2, exitCode);
        Assert.Equal("", tool.Output);
        Assert.StartsWith("sesamtalk-emulators: " + error, errors, StringComparison.Ordinal);
        Assert.Contains("\nUsage: sesamtalk-emulators", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_taken_port_exits_1_and_says_so()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        using var tool = ToolProcess.Start("Customcrm:" + port.ToString(CultureInfo.InvariantCulture));

        var (exitCode, errors) = await tool.WaitForExitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(1, exitCode);
        Assert.Contains("a system could not start", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_salesforce_catalog_file_extends_the_started_org()
    {
        var file = Path.Combine(Path.GetTempPath(), "sesamtalk-tool-" + Guid.NewGuid().ToString("N") + ".catalog.json");
        await File.WriteAllTextAsync(file, Salesforce.CustomCatalogTests.HostCatalog);
        try
        {
            using var tool = ToolProcess.Start("Salesforce", "--catalog", file);
            await tool.WaitUntilReadyAsync();
            var port = int.Parse(BaseUrlPorts().Match(tool.Output).Groups[1].Value, CultureInfo.InvariantCulture);
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials", ["client_id"] = ClientSetting(tool.Output, "ClientId"), ["client_secret"] = ClientSetting(tool.Output, "ClientSecret"),
            });
            using var token = await http.PostAsync("services/oauth2/token", form);
            var accessToken = (string)System.Text.Json.Nodes.JsonNode.Parse(await token.Content.ReadAsStringAsync())!["access_token"]!;
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", accessToken);

            using var describe = await http.GetAsync("services/data/v64.0/sobjects/Project__c/describe");

            Assert.Equal(HttpStatusCode.OK, describe.StatusCode);
            tool.Send("TERM");
            Assert.Equal(0, (await tool.WaitForExitAsync(StopTimeout)).ExitCode);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task An_exact_online_catalog_that_adds_an_entity_set_exits_1_and_says_why()
    {
        var file = Path.Combine(Path.GetTempPath(), "sesamtalk-tool-" + Guid.NewGuid().ToString("N") + ".catalog.json");
        await File.WriteAllTextAsync(file, """{ "system": "ExactOnline", "objects": [ { "name": "Projects", "createable": true, "updateable": true, "deletable": true, "fields": [] } ] }""");
        try
        {
            using var tool = ToolProcess.Start("ExactOnline", "--catalog", file);

            var (exitCode, errors) = await tool.WaitForExitAsync(TimeSpan.FromMinutes(1));

            Assert.Equal(1, exitCode);
            Assert.Contains("'Projects' is no entity set the emulator serves", errors, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string ClientSetting(string output, string name) =>
        Regex.Match(output, $@"SesamTalk:Salesforce:{name}=(\S+)").Groups[1].Value;

    /// <summary>Whether this process ignores the signal (Linux: the SigIgn mask of /proc/self/status; elsewhere assumed not).</summary>
    private static bool IgnoredByThisProcess(int signal) =>
        File.Exists("/proc/self/status")
        && File.ReadLines("/proc/self/status").FirstOrDefault(line => line.StartsWith("SigIgn:", StringComparison.Ordinal)) is { } mask
        && ((ulong.Parse(mask["SigIgn:".Length..].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture) >> (signal - 1)) & 1) == 1;

    [GeneratedRegex(@"^\S+  http://127\.0\.0\.1:(\d+)/$", RegexOptions.Multiline)]
    private static partial Regex BaseUrlPorts();
}
