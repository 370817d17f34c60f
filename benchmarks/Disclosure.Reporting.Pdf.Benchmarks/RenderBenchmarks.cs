using BenchmarkDotNet.Attributes;

namespace Disclosure.Reporting.Pdf.Benchmarks;

/// <summary>Renders the 中卫市商务局 2023 report (7 pages, tables 二/三/四). Target: under 30 ms and 50 MB allocated.</summary>
[MemoryDiagnoser]
public class RenderBenchmarks
{
    private readonly ReportPdfRenderer _renderer = new();
    private PdfReportDocument _report = null!;
    private PdfReportDocument _draft = null!;

    [GlobalSetup]
    public void Setup()
    {
        _report = SampleReport.Load();
        _draft = SampleReport.Load(isDraft: true);
        _renderer.Render(_report); // fonts are parsed once per process; measure the steady state
    }

    [Benchmark(Baseline = true)]
    public int Zhongwei2023() => _renderer.Render(_report).Bytes.Length;

    [Benchmark]
    public int Zhongwei2023Draft() => _renderer.Render(_draft).Bytes.Length;
}
