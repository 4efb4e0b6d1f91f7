namespace SanctionsSim.Plotting;

/// <summary>Image formats charts can be saved in.</summary>
[Flags]
public enum ChartFormat
{
    /// <summary>No file.</summary>
    None = 0,

    /// <summary>Portable Network Graphics (raster).</summary>
    Png = 1,

    /// <summary>Scalable Vector Graphics.</summary>
    Svg = 2,

    /// <summary>Both PNG and SVG.</summary>
    Both = Png | Svg,
}
