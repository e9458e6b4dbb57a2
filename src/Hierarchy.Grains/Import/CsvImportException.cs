namespace Hierarchy.Grains.Import;

/// <summary>A CSV input error at a line and field; nothing of the file was imported.</summary>
public sealed class CsvImportException(int line, string field, string message)
    : Exception($"line {line}, field '{field}': {message}")
{
    public int Line { get; } = line;

    public string Field { get; } = field;

    public string Reason { get; } = message;
}
