using SanctionsSim.Calibration;
using SanctionsSim.IO;
using SanctionsSim.IO.Jobs;

namespace SanctionsSim.Tests.IO.Jobs;

/// <summary>A calibration's ABC options, threads included, are checked by the library's validation with each option named by its flag (#28 item 3: no check of its own in the command line).</summary>
public class CalibrationDefinitionTests
{
    [Test]
    public void ABadThreadCount_IsRefusedByTheLibrary_NamedByItsFlag()
        => Should.Throw<UserInputException>(() => CalibrationDefinition.Validate(new AbcOptions { MaxDegreeOfParallelism = 0 }))
            .Message.ShouldBe("Invalid ABC options: --threads must be -1 (all cores) or in [1, 1024]; got 0.");

    [Test]
    public void TheDefaults_AreValid() => Should.NotThrow(() => CalibrationDefinition.Validate(new AbcOptions()));
}
