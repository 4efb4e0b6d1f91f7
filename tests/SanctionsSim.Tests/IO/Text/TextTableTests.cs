using SanctionsSim.IO.Text;

namespace SanctionsSim.Tests.IO.Text;

/// <summary>A result's table as plain cells (<see cref="TextTable"/>).</summary>
public class TextTableTests
{
    [Test]
    public void ATable_KeepsItsTitleColumnsAndRows_InOrder()
    {
        var table = new TextTable("title").Left("name").Right("value").Row("a", "1").Row("b", "2");

        table.Title.ShouldBe("title");
        table.Columns.ShouldBe([("name", false), ("value", true)]);
        table.Rows.Select(r => string.Join("|", r)).ShouldBe(["a|1", "b|2"]);
    }
}
