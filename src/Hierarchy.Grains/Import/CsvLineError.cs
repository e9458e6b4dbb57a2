namespace Hierarchy.Grains.Import;

/// <summary>
/// One bad field of a CSV file: the line it is on, the column, and why (in English); <see cref="Code"/> and
/// <see cref="Arguments"/>, where given, let a caller word the reason in its own language, as for a <c>ValidationError</c>.
/// </summary>
public sealed record CsvLineError(int Line, string Field, string Reason, string? Code = null, string[]? Arguments = null)
{
    public override string ToString() => $"line {Line}, field '{Field}': {Reason}";
}
