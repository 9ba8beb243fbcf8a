using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(SesamTalk.Benchmarks.MapperBenchmarks).Assembly).Run(args);
