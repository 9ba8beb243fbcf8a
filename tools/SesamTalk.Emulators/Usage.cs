namespace SesamTalk.Emulators;

/// <summary>The tool's help text, and how a wrong command line is answered.</summary>
internal static class Usage
{
    /// <summary>The exit code of a wrong command line.</summary>
    public const int WrongCommandLine = 2;

    /// <summary>What <c>--help</c> prints.</summary>
    public const string Text = """
        Usage: sesamtalk-emulators [options] [Name[:port] ...]

        Starts SesamTalk's emulators on 127.0.0.1, prints for each its base URL, the credentials to use and the
        configuration keys the SesamTalk connectors read (SesamTalk:...=value lines, then one appsettings.json
        snippet), and runs until Ctrl+C (SIGINT), SIGTERM or SIGQUIT stops them; then it exits 0.

        Systems:
          Name[:port]       Salesforce, SuperOffice, ExactOnline, or any other name for a custom system (the
                            custom-system contract, docs/custom-system-contract.md). Without a port, a free one.
                            No names: Salesforce, SuperOffice, ExactOnline, Customwebshop, Customcrm and Customerp.

        Options:
          --seed-demo       Seed data: fill Salesforce, SuperOffice and Customcrm with the main job's demo records
                            (RemoteDemoData) and have Salesforce invoice every new order.
          --catalog FILE    A field catalog (*.catalog.json, docs/catalogs.md); its "system" names the system, which
                            must be started. A custom system takes one and checks every write against it. For
                            Salesforce, SuperOffice and ExactOnline it extends the built-in standard catalog as a
                            host's AdditionalFiles do (an org's custom objects and fields, e.g. Project__c).
                            Repeatable.
          -h, --help        Print this help and start nothing.

        Exit codes: 0 stopped (or help), 1 a system could not start (e.g. its port is taken), 2 a wrong command line.

        Example:
          sesamtalk-emulators --seed-demo Salesforce:5101 ExactOnline:5102 Customcrm:5103 --catalog Customcrm.catalog.json

        """;

    /// <summary>Writes <paramref name="error"/> and the usage to standard error.</summary>
    /// <returns><see cref="WrongCommandLine"/>.</returns>
    public static int Wrong(string error)
    {
        Console.Error.WriteLine("sesamtalk-emulators: " + error);
        Console.Error.WriteLine();
        Console.Error.Write(Text);
        return WrongCommandLine;
    }
}
