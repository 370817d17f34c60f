using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// In-process ShortRun: no separately generated project to build (the shared build settings treat warnings as errors).
var config = DefaultConfig.Instance.AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
BenchmarkSwitcher.FromAssembly(typeof(Disclosure.Reporting.Pdf.Benchmarks.RenderBenchmarks).Assembly).Run(args, config);
