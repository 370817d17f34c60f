using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Disclosure.Reporting.Pdf;
using Disclosure.Reporting.Pdf.Benchmarks;

if (args is ["render", var outputDirectory])
{
    // Writes every sample report (and the 中卫 draft) for a look with pdftoppm -r 80 -png.
    Directory.CreateDirectory(outputDirectory);
    var renderer = new ReportPdfRenderer(missing => Console.Error.WriteLine($"No shipped font has 「{missing}」; printed as 〓"));
    foreach (var name in Disclosure.Testing.Fixtures.JsonNames)
    {
        var result = renderer.Render(SampleReport.Load(name));
        File.WriteAllBytes(Path.Combine(outputDirectory, name + ".pdf"), result.Bytes);
        Console.WriteLine($"Wrote {outputDirectory}/{name}.pdf ({result.PageCount} pages)");
    }

    File.WriteAllBytes(Path.Combine(outputDirectory, "zhongwei-commerce-2023-draft.pdf"), renderer.Render(SampleReport.Load(isDraft: true)).Bytes);
    return;
}

if (args is ["cpu", var countText])
{
    // A rough check for a busy shared machine, where wall-clock means are noisy: CPU time and bytes allocated per render.
    var count = int.Parse(countText, System.Globalization.CultureInfo.InvariantCulture);
    var renderer = new ReportPdfRenderer();
    var document = SampleReport.Load();
    renderer.Render(document);
    var process = System.Diagnostics.Process.GetCurrentProcess();
    var cpu = process.TotalProcessorTime;
    var allocated = GC.GetAllocatedBytesForCurrentThread();
    var clock = System.Diagnostics.Stopwatch.StartNew();
    for (var i = 0; i < count; i++)
    {
        renderer.Render(document);
    }

    process.Refresh();
    Console.WriteLine(System.FormattableString.Invariant(
        $"{count} renders: {clock.Elapsed.TotalMilliseconds / count:F2} ms wall, {(process.TotalProcessorTime - cpu).TotalMilliseconds / count:F2} ms CPU, {(GC.GetAllocatedBytesForCurrentThread() - allocated) / count / 1048576.0:F2} MB allocated per render"));
    return;
}

// In-process ShortRun: no separately generated project to build (the shared build settings treat warnings as errors).
var config = DefaultConfig.Instance.AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
BenchmarkSwitcher.FromAssembly(typeof(Disclosure.Reporting.Pdf.Benchmarks.RenderBenchmarks).Assembly).Run(args, config);
