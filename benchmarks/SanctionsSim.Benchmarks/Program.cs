using BenchmarkDotNet.Running;

namespace SanctionsSim.Benchmarks;

/// <summary>Entry point: <c>dotnet run -c Release --project benchmarks/SanctionsSim.Benchmarks -- --filter '*'</c>.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        foreach (var summary in summaries)
        {
            if (summary.HasCriticalValidationErrors || summary.Reports.Any(r => !r.Success))
            {
                return 1;
            }
        }

        return 0;
    }
}
