using SanctionsSim.Scenarios;
using SharpFuzz;

namespace SanctionsSim.Fuzz;

/// <summary>
/// AFL++ entry point: reads one input, parses it as a scenario file, and fails only if the reader throws
/// (the reader must always return either a valid scenario or a list of errors). With an argument, replays files.
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (args.Length > 0)
        {
            foreach (string path in args)
            {
                Check(File.ReadAllBytes(path));
            }

            return;
        }

        Fuzzer.OutOfProcess.Run(stream =>
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            Check(buffer.ToArray());
        });
    }

    private static void Check(byte[] bytes)
    {
        var errors = ScenarioJson.TryRead(bytes, out var scenario);
        if (errors.Count == 0 && scenario is null)
        {
            throw new InvalidOperationException("No errors and no scenario.");
        }
    }
}
