using BenchmarkDotNet.Running;
using SesamTalk.Benchmarks.Bulk;
using SesamTalk.Benchmarks.Sync;

// `bulk --records N`: the Salesforce bulk path against sObject Collections (docs/benchmarks.md); `sync` below; anything else goes
// to BenchmarkDotNet (the mapper benchmarks).
if (args is ["bulk", ..])
{
    return await BulkBenchmark.RunAsync(args[1..]);
}

if (args is ["feeds", ..])
{
    return await SesamTalk.Benchmarks.EmulatorFeeds.EmulatorFeedBenchmark.RunAsync(args[1..]);
}

// `sync --records N --system custom|salesforce [--json PATH]`: the engine's cycles against a connector-only baseline
// (issue 13, docs/benchmarks.md); `sync-child` is its hidden child process, one per side and state.
if (args is ["sync", ..])
{
    return await SyncBenchmark.RunAsync(args[1..]);
}

// `dashboard --links N [--runs R]`: the dashboard's overview and links search over N links (docs/benchmarks.md).
if (args is ["dashboard", ..])
{
    return await SesamTalk.Benchmarks.Dashboard.DashboardBenchmark.RunAsync(args[1..]);
}

// `idle [--hours H] [--records N]`: the polls and API calls of idle hours, notifications off and live (issue 18, docs/benchmarks.md).
if (args is ["idle", ..])
{
    return await SesamTalk.Benchmarks.Idle.IdleHourBenchmark.RunAsync(args[1..]);
}

if (args is [ChildProtocol.Command, ..])
{
    return await SyncChild.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(SesamTalk.Benchmarks.MapperBenchmarks).Assembly).Run(args);
return 0;
