namespace SanctionsSim.IO.Text;

/// <summary>
/// A result's table as plain text cells: a title, columns (left or right aligned) and rows. The result writers build it;
/// the command line draws it (rounded borders), so the writers need no console library (#28 item 3).
/// </summary>
internal sealed class TextTable(string? title = null)
{
    private readonly List<(string Header, bool Right)> _columns = [];
    private readonly List<string[]> _rows = [];

    /// <summary>The title above the table, or null.</summary>
    public string? Title { get; } = title;

    /// <summary>The columns: header (plain text) and whether the column is right aligned.</summary>
    public IReadOnlyList<(string Header, bool Right)> Columns => _columns;

    /// <summary>The rows of plain text cells.</summary>
    public IReadOnlyList<string[]> Rows => _rows;

    /// <summary>Adds a left-aligned column.</summary>
    public TextTable Left(string header)
    {
        _columns.Add((header, false));
        return this;
    }

    /// <summary>Adds a right-aligned column (numbers).</summary>
    public TextTable Right(string header)
    {
        _columns.Add((header, true));
        return this;
    }

    /// <summary>Adds a row of plain text cells.</summary>
    public TextTable Row(params string[] cells)
    {
        _rows.Add(cells);
        return this;
    }
}
