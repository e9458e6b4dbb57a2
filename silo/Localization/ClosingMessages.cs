using System.Globalization;
using Hierarchy.Grains.Admissions;
using Hierarchy.Grains.Closing;

namespace Hierarchy.Silo.Localization;

/// <summary>
/// What the API says about closed periods, in Vietnamese and English. The domain's refusals quote periods by key and
/// moments as yyyy-MM-dd HH:mm; here they become "6 tháng đầu năm 2026" and "09:30 ngày 01/07/2026", as a party
/// office writes them.
/// </summary>
public static class ClosingMessages
{
    public static readonly LocalizedText PeriodRequired = new(
        "Cần chọn kỳ khóa sổ: năm (2026) hoặc 6 tháng đầu năm (2026-H1).",
        "The period is required: a year (2026) or the first half of one (2026-H1).");

    public static readonly LocalizedText PeriodFormat = new(
        "'{0}' không phải kỳ khóa sổ; dùng năm (2026) hoặc 6 tháng đầu năm (2026-H1).",
        "'{0}' is not a closing period; use a year (2026) or the first half of one (2026-H1).");

    public static readonly LocalizedText BranchClosedBySecretary = new(
        "Chi bộ '{0}' do bí thư chi bộ khóa sổ; Ban Tổ chức khóa sổ đơn vị cấp trên khi mọi chi bộ đã khóa sổ.",
        "Branch '{0}' is closed by its own secretary; a board closes the units above once every branch has.");

    public static readonly LocalizedText OnlyTheSecretary = new(
        "Chỉ bí thư chi bộ '{0}' được khóa sổ hoặc mở lại kỳ của chi bộ.",
        "Only the secretary of branch '{0}' closes or reopens its periods.");

    public static readonly LocalizedText OnlyBoards = new(
        "Kỳ báo cáo của '{0}' do Ban Tổ chức của đơn vị đó hoặc của cấp trên khóa sổ và mở lại.",
        "The periods of '{0}' are closed and reopened by the board of that unit or of one above it.");

    public static readonly LocalizedText NotClosedAt = new("Chưa khóa sổ {0} tại '{1}'.", "'{1}' has not closed {0}.");

    private static readonly LocalizedText PeriodClosed = new(
        "Không ghi nhận được kết nạp hay sửa sai ghi ngày {1} tại {0}: {2}. Cần mở lại kỳ đã khóa sổ trước khi ghi nhận.",
        "Nothing dated {1} can be recorded or corrected at {0}: {2}. Reopen the period first.");

    private static readonly LocalizedText ClosingItem = new("{0} đã khóa sổ lúc {2}, người khóa sổ: {1}", "{0} was closed at {2} by {1}");

    private static readonly LocalizedText BatchRefused = new(
        "Chưa ghi nhận: trong cùng lần gửi có kết nạp ghi ngày thuộc kỳ đã khóa sổ.",
        "Not recorded: other admissions sent with it are dated in a closed period.");

    private static readonly LocalizedText ChildrenOpen = new(
        "Chưa khóa sổ được {0} của {1}: còn {2} đơn vị trực thuộc chưa khóa sổ: {3}.",
        "{0} cannot be closed at {1} yet: {2} unit(s) below have not closed it: {3}.");

    private static readonly LocalizedText ParentClosed = new(
        "Chưa mở lại riêng {0} được: {2} của đơn vị cấp trên, {1}, đã khóa sổ lúc {4}, người khóa sổ: {3}. Kỳ này được mở lại từ đơn vị cấp trên.",
        "{0} cannot be reopened alone: {2} is closed at the unit above, {1}, since {4} by {3}; it reopens from there.");

    private static readonly LocalizedText NotClosed = new("{0} của {1} chưa khóa sổ.", "{0} is not closed at {1}.");

    private static readonly LocalizedText NotEnded = new("{0} kết thúc ngày {1}; được khóa sổ từ ngày {2}.", "{0} ends on {1}; it can be closed from {2}.");

    /// <summary>A closing refusal from the domain in the caller's language; null for any other error.</summary>
    public static ValidationError? Localize(ValidationError error)
    {
        var a = error.Arguments ?? [];
        string? message = error.Code switch
        {
            ClosingCodes.PeriodClosed when a.Length >= 5 => PeriodClosed.Format(a[0], Day(a[1]), string.Join("; ", Closings(a))),
            ClosingCodes.BatchRefused => BatchRefused.Format(),
            ClosingCodes.ChildrenOpen when a.Length >= 4 => ChildrenOpen.Format(SiloCultures.IsEnglish ? Capitalized(Period(a[0])) : Period(a[0]), a[1], a[2], a[3]),
            ClosingCodes.ParentClosed when a.Length >= 5 => ParentClosed.Format(a[0], a[1], Period(a[2]), a[3], Moment(a[4])),
            ClosingCodes.NotClosed when a.Length >= 2 => NotClosed.Format(Capitalized(Period(a[0])), a[1]),
            ClosingCodes.NotEnded when a.Length >= 3 => NotEnded.Format(Capitalized(Period(a[0])), Day(a[1]), Day(a[2])),
            _ => null,
        };
        return message is null ? null : new ValidationError(error.Field, message, error.Code, error.Arguments);
    }

    /// <summary>A period as people say it: "6 tháng đầu năm 2026", "the first half of 2026"; an unknown key as it is.</summary>
    public static string Period(string key)
    {
        if (!ClosingPeriod.TryParse(key, out var period))
        {
            return key;
        }

        return SiloCultures.IsEnglish
            ? period.Describe()
            : period.FirstHalf ? $"6 tháng đầu năm {period.Year}" : $"năm {period.Year}";
    }

    /// <summary>The closings a refused admission runs into, each "period closed at when by whom".</summary>
    private static IEnumerable<string> Closings(string[] arguments)
    {
        for (var i = 2; i + 2 < arguments.Length; i += 3)
        {
            yield return ClosingItem.Format(Period(arguments[i]), arguments[i + 1], Moment(arguments[i + 2]));
        }
    }

    private static string Day(string isoDay) =>
        !SiloCultures.IsEnglish && DateOnly.TryParseExact(isoDay, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)
            : isoDay;

    internal static string Moment(string isoMoment) =>
        !SiloCultures.IsEnglish && DateTime.TryParseExact(isoMoment, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            ? at.ToString("HH:mm 'ngày' dd/MM/yyyy", CultureInfo.InvariantCulture)
            : isoMoment;

    private static string Capitalized(string text) =>
        text.Length == 0 ? text : char.ToUpper(text[0], SiloCultures.Current) + text[1..];
}
