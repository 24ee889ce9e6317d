using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/ProjectMethod.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(ProjectMethod.Benchmarks.DomainBenchmarks).Assembly).Run(args);
