namespace Hierarchy.Silo.Localization;

/// <summary>The working-day calendar's messages, in Vietnamese and English.</summary>
public static class CalendarMessages
{
    public static readonly LocalizedText DaysRequired = new(
        "Cần số ngày làm việc: một số nguyên từ {0} đến {1}.",
        "The number of working days is required: a whole number from {0} to {1}.");
}
