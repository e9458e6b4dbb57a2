namespace Hierarchy.Grains.Import;

/// <summary>One bad field of a CSV file: the line it is on, the column, and why.</summary>
public sealed record CsvLineError(int Line, string Field, string Reason)
{
    public override string ToString() => $"line {Line}, field '{Field}': {Reason}";
}
