namespace SanctionsSim.Explorer.Hosting;

/// <summary>A request the explorer refuses: the message names the field, the value and what is allowed; the page shows it as is.</summary>
internal sealed class InputException(string message) : Exception(message);
