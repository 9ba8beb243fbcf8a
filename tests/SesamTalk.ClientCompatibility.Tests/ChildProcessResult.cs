namespace SesamTalk.ClientCompatibility.Tests;

/// <summary>How a program run by <see cref="ChildProcess"/> ended and what it printed.</summary>
internal sealed record ChildProcessResult(string CommandLine, int ExitCode, string Output, string Errors)
{
    /// <summary>The command line, exit code, standard output and standard error, for a failure message.</summary>
    public override string ToString() =>
        $"$ {CommandLine}\nexit code {ExitCode}\n--- standard output ---\n{Output}--- standard error ---\n{Errors}";
}
