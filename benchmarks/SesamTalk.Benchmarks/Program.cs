using BenchmarkDotNet.Running;
using SesamTalk.Benchmarks.Bulk;

// `bulk --records N`: the Salesforce bulk path against sObject Collections (docs/benchmarks.md); anything else goes
// to BenchmarkDotNet (the mapper benchmarks).
if (args is ["bulk", ..])
{
    return await BulkBenchmark.RunAsync(args[1..]);
}

if (args is ["feeds", ..])
{
    return await SesamTalk.Benchmarks.EmulatorFeeds.EmulatorFeedBenchmark.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(SesamTalk.Benchmarks.MapperBenchmarks).Assembly).Run(args);
return 0;
