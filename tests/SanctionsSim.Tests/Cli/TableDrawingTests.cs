using SanctionsSim.Cli.Commands;
using SanctionsSim.IO.Text;

namespace SanctionsSim.Tests.Cli;

/// <summary>The one place the command line draws a result's table (<see cref="Common.Draw"/>).</summary>
public class TableDrawingTests
{
    [Test]
    public void Drawing_ShowsBracketsAndMarkupLikeTextAsTyped()
    {
        var table = new TextTable("P [x] of [bold]y[/]").Left("name").Right("Brier [95 % CI]").Row("[red]a[/]", "0.1 [0.0, 0.2]");
        using var writer = new StringWriter();
        Common.Console(writer, interactive: false).Write(Common.Draw(table));

        string text = writer.ToString();
        text.ShouldContain("P [x] of [bold]y[/]");
        text.ShouldContain("Brier [95 % CI]");
        text.ShouldContain("[red]a[/]");
        text.ShouldContain("0.1 [0.0, 0.2]");
        text.ShouldContain("╭");
    }
}
