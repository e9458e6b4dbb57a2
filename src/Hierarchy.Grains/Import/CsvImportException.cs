namespace Hierarchy.Grains.Import;

/// <summary>A CSV file with bad lines, every one of them listed; nothing of the file was imported.</summary>
public sealed class CsvImportException(IReadOnlyList<CsvLineError> errors)
    : Exception(string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<CsvLineError> Errors { get; } = errors;

    /// <summary>The first bad line, for a caller that reports one.</summary>
    public int Line => Errors[0].Line;

    public string Field => Errors[0].Field;

    public string Reason => Errors[0].Reason;
}
