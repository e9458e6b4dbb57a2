namespace Hierarchy.Grains.Import;

/// <summary>One line of an import file being checked: its fields by column, and every fault found in it, by field.</summary>
internal sealed class CsvRow(int line, IReadOnlyList<string> fields, List<CsvLineError> errors)
{
    public int Line { get; } = line;

    /// <summary>The field in <paramref name="index"/>, or null (and a fault naming <paramref name="name"/>) when the row is too short.</summary>
    public string? Field(int index, string name)
    {
        if (index < fields.Count)
        {
            return fields[index];
        }

        Fail(name, "The row has too few fields.");
        return null;
    }

    public void Fail(string field, string reason) => errors.Add(new CsvLineError(Line, field, reason));

    /// <summary>A fault with a code, its English reason filled from the template as a <c>ValidationError</c>'s.</summary>
    public void Fail(string field, string code, string englishTemplate, params object[] arguments) =>
        Fail(field, Admissions.ValidationError.Coded(field, code, englishTemplate, arguments));

    /// <summary>A refusal of the domain, under the column it concerns.</summary>
    public void Fail(string field, Admissions.ValidationError error) =>
        errors.Add(new CsvLineError(Line, field, error.Message, error.Code, error.Arguments));
}
