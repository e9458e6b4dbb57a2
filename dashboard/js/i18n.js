// Vietnamese first; English is a switch remembered in localStorage.
import * as candidateText from './i18n-candidates.js';
import * as closingText from './i18n-closing.js';
import * as indicatorText from './i18n-indicators.js';

const KEY = 'hierarchy.lang';

const vi = {
  appTitle: 'Phát triển đảng viên', skip: 'Bỏ qua đến nội dung', search: 'Tìm đơn vị', searchPlaceholder: 'Tìm đơn vị…',
  noResults: 'Không tìm thấy đơn vị', tools: 'Công cụ', overview: 'Tổng quan', report: 'Báo cáo', system: 'Hệ thống', whatif: 'Kịch bản',
  otherLang: 'English', signOut: 'Đăng xuất', signIn: 'Đăng nhập', loading: 'Đang tải…',
  signInTitle: 'Đăng nhập', tokenLabel: 'Mã truy cập (bearer token)', tokenHelp: 'Mã do quản trị viên cấp bằng lệnh “users add”.',
  continueDemo: 'Xem bản demo không cần đăng nhập', badToken: 'Mã truy cập không hợp lệ hoặc đã bị thu hồi.',
  signedInAs: (name, role, unit) => [name, role, unit].filter(Boolean).join(' · '), anonymous: 'Khách (demo, chỉ xem)',
  roles: { branch: 'Bí thư chi bộ', board: 'Ban Tổ chức', committee: 'Ban Thường vụ', admin: 'Quản trị hệ thống' },
  adminTitle: 'Mã quản trị hệ thống', adminText: 'Mã này mở bảng điều khiển Orleans của máy chủ (silo, grain, lời gọi, lỗi) và không xem được số liệu của đơn vị nào.',
  openOrleans: 'Mở bảng điều khiển Orleans',
  levels: { province: 'Tỉnh/Thành', district: 'Quận/Huyện', ward: 'Xã/Phường', organisation: 'Tổ chức đảng', branch: 'Chi bộ' },
  childLevels: { district: 'Các quận/huyện', ward: 'Các xã/phường', organisation: 'Các tổ chức đảng', branch: 'Các chi bộ' },
  breadcrumb: 'Đường dẫn', year: 'Năm', quota: 'Chỉ tiêu', admitted: 'Đã kết nạp', progress: '% chỉ tiêu',
  projected: 'Dự báo cuối năm', meets: 'Đạt chỉ tiêu', misses: 'Không đạt chỉ tiêu', members: 'Đảng viên đầu năm',
  rate: 'Tỷ lệ kết nạp', rateTarget: 'mục tiêu 3–4 %', daysElapsed: 'Số ngày đã qua', lastYearSame: 'Cùng kỳ năm trước',
  ofDays: (a, b) => `${a}/${b} ngày`, name: 'Đơn vị', status: 'Tình trạng',
  statuses: { onTrack: 'Đạt tiến độ', atRisk: 'Có nguy cơ không đạt', behind: 'Chậm tiến độ', noQuota: 'Chưa giao' },
  sortBy: (c) => `Sắp xếp theo ${c}`, live: 'Trực tiếp', offline: 'Mất kết nối', liveTitle: 'Cập nhật trực tiếp',
  updated: (n) => `Đã cập nhật: ${n} đã kết nạp`, breakdown: 'Cơ cấu người được kết nạp', characteristics: 'Đặc điểm',
  youthUnion: 'Đoàn viên', women: 'Nữ', ethnicMinority: 'Dân tộc thiểu số', religious: 'Có đạo', privateBusinessOwner: 'Chủ doanh nghiệp tư nhân',
  age: 'Độ tuổi', averageAge: 'Tuổi bình quân', education: 'Trình độ học vấn', occupation: 'Nghề nghiệp',
  educations: { lowerSecondary: 'Trung học cơ sở', upperSecondary: 'Trung học phổ thông', vocational: 'Trung cấp, cao đẳng', university: 'Đại học', postgraduate: 'Sau đại học' },
  occupations: { stateCadre: 'Cán bộ, công chức', publicService: 'Viên chức sự nghiệp', enterpriseWorker: 'Công nhân, người lao động DN', farmer: 'Nông dân', armedForces: 'Lực lượng vũ trang', student: 'Học sinh, sinh viên', other: 'Khác' },
  overTime: 'Tiến độ theo tuần', cumulative: 'Lũy kế năm nay', target: 'Đường tới chỉ tiêu', lastYear: 'Năm trước',
  week: 'Tuần', chartSummary: (a, q, w) => `Lũy kế ${a} trên chỉ tiêu ${q} sau ${w} tuần`,
  admittedRecorded: (a, r) => `kết nạp ${a} · ghi nhận ${r}`, feed: 'Kết nạp mới nhất', feedEmpty: 'Chưa có kết nạp nào.', children: 'Đơn vị trực thuộc', noChildren: 'Không có đơn vị trực thuộc.',
  exportCsv: 'Xuất CSV', exportXlsx: 'Xuất Excel (.xlsx)', print: 'In (A4)', exportCsvSemicolon: 'Xuất CSV (;)',
  exportCsvSemicolonHelp: 'CSV phân cách bằng dấu chấm phẩy, số thập phân có dấu phẩy: cho Excel đặt vùng Việt Nam',
  asOf: (d) => `Số liệu tính đến ${d}`, partyOfVietnam: 'ĐẢNG CỘNG SẢN VIỆT NAM', placeDate: (d, m, y) => `……, ngày ${d} tháng ${m} năm ${y}`,
  preparedBy: 'NGƯỜI LẬP BIỂU', signedFor: (o) => `T/M ${o}`, signHint: '(Ký, ghi rõ họ tên)',
  exportedAt: (d) => `Ngày xuất: ${d}`, sheetOverview: 'Tiến độ kết nạp', sheetReport: 'Báo cáo thống kê', level: 'Cấp', openReport: 'Báo cáo thống kê',
  formedFrom: 'Hình thành từ các đơn vị cũ', formedFromHelp: 'Số liệu của đơn vị gồm số liệu các chi bộ trực thuộc hiện nay, dù được ghi nhận trước hay sau khi sắp xếp.',
  formerUnit: (d) => `Đơn vị cũ, hoạt động đến ngày ${d}`, wentInto: 'Đã sắp xếp vào:', lastDay: 'Ngày cuối',
  admittedThere: (y) => `Đã kết nạp năm ${y} (số liệu đơn vị cũ)`,
  admissionForm: 'Báo cáo kết nạp', admittedOn: 'Ngày kết nạp', gender: 'Giới tính', female: 'Nữ', male: 'Nam',
  birthDate: 'Ngày sinh', ageAt: 'Tuổi khi kết nạp', nameOptional: 'Họ và tên (không bắt buộc, chỉ lưu ở chi bộ)', yes: 'Có', no: 'Không',
  submit: 'Gửi báo cáo', saved: 'Đã ghi nhận kết nạp.', repeated: 'Báo cáo này đã được ghi nhận trước đó.',
  fixErrors: 'Vui lòng sửa các lỗi được đánh dấu.', required: 'Bắt buộc nhập.', futureDate: 'Ngày kết nạp không được ở tương lai.',
  choose: '— chọn —', chooseOne: 'Bắt buộc chọn.', notChosen: (fields) => `Chưa chọn: ${fields}. Báo cáo chưa được gửi.`,
  csvTemplate: 'Tải tệp mẫu CSV', uploadHelp: 'Mỗi dòng một người. Giới tính: Nữ/Nam; các cột có/không: Có/Không; ngày: dd/mm/yyyy; trình độ và nghề nghiệp như trong biểu mẫu trên (hoặc mã). Lưu bằng “CSV UTF-8”.',
  upload: 'Tải lên tệp CSV', uploadFile: 'Tệp CSV', uploadButton: 'Tải lên', uploadDone: (n) => `Đã xử lý ${n} dòng.`,
  fullName: 'Họ và tên', admissionsList: 'Danh sách kết nạp của chi bộ', recordedAt: 'Ghi nhận lúc', correct: 'Hủy (đính chính)',
  reason: 'Lý do đính chính', correctFor: (d) => `Lý do hủy kết nạp ngày ${d}:`, corrected: 'Đã đính chính.', retracted: 'Đã hủy',
  confirm: 'Xác nhận', cancel: 'Thôi', noAdmissions: 'Chưa có kết nạp.',
  auditTitle: 'Nhật ký thay đổi', auditEmpty: 'Chưa có thay đổi nào.', auditAt: 'Thời gian', auditKind: 'Loại', auditWhat: 'Nội dung', auditBy: 'Người thực hiện',
  auditMore: 'Xem thêm', auditKinds: { admission: 'Kết nạp', correction: 'Đính chính', quota: 'Chỉ tiêu', members: 'Số đảng viên', structure: 'Tổ chức', closing: 'Khóa sổ', indicators: 'Chỉ tiêu nghị quyết' },
  auditQuota: (y, a, b) => `Chỉ tiêu năm ${y}: ${a} → ${b}`, auditMembers: (y, a, b) => `Số đảng viên đầu năm ${y}: ${a} → ${b}`,
  auditAdmission: (d) => `Báo cáo kết nạp ngày ${d}`, auditCorrection: (r) => `Hủy một kết nạp, lý do: ${r}`,
  admittedSoFar: 'Đã kết nạp năm nay', lastYearFigure: 'Năm trước: kết nạp / chỉ tiêu', lastYearOf: (a, q) => `${a} / ${q}`,
  quotaMismatch: (sum, own, diff) => `⚠ Tổng chỉ tiêu cấp dưới (${sum}) không khớp chỉ tiêu của đơn vị (${own}): ${diff}.`,
  quotaEditor: 'Giao chỉ tiêu cho cấp dưới', ownQuota: 'Chỉ tiêu của đơn vị', childrenSum: 'Tổng chỉ tiêu cấp dưới',
  overAllocated: (n) => `Giao vượt ${n}`, underAllocated: (n) => `Còn thiếu ${n}`, balanced: 'Khớp chỉ tiêu',
  saveQuotas: 'Lưu chỉ tiêu', quotaSaved: 'Đã lưu chỉ tiêu.', quotaFor: (n) => `Chỉ tiêu của ${n}`,
  quotaConflict: (n) => `Chỉ tiêu của ${n} vừa được người khác thay đổi. Đã tải lại giá trị mới — kiểm tra rồi lưu lại.`,
  quotaConfirm: 'Vẫn giao chỉ tiêu này',
  quotaAboveMembers: (q, m, y) => `chỉ tiêu ${q} lớn hơn số đảng viên đầu năm ${y} (${m}). Kiểm tra lại, hoặc xác nhận nếu đúng là như vậy.`,
  reportTitle: 'Báo cáo thống kê kết nạp đảng viên', from: 'Từ ngày', to: 'Đến ngày', show: 'Xem báo cáo',
  indicator: 'Chỉ tiêu thống kê', thisPeriod: 'Kỳ này', samePeriod: 'Cùng kỳ năm trước', percent: 'So sánh (%)',
  totalAdmitted: 'Tổng số kết nạp', ofWhich: 'Trong đó', ageBands: 'Độ tuổi', unitLabel: 'Đơn vị',
  systemTitle: 'Hệ thống', activations: 'Số kích hoạt (grain)', callsPerSecond: 'Lượt gọi/giây', callLatencyMs: 'Độ trễ lời gọi', admissionsPerSecond: 'Kết nạp/giây', propagationDelayMs: 'Độ trễ lan truyền', workingSetBytes: 'Bộ nhớ', uptime: 'Thời gian chạy', storage: 'Lưu trữ', mode: 'Chế độ',
  storageLatencyMs: 'Độ trễ lưu trữ', streamClients: 'Kết nối trực tiếp', polling: 'Tự động làm mới mỗi 2 giây khi trang này mở.',
  error: 'Lỗi', forbidden: 'Đơn vị này nằm ngoài phạm vi của bạn.', notFound: 'Không tìm thấy đơn vị.', retry: 'Thử lại',
  back: 'Về đơn vị của tôi', unavailable: 'Máy chủ chưa cung cấp chức năng này.',
};

const en = {
  appTitle: 'Party member development', skip: 'Skip to content', search: 'Search units', searchPlaceholder: 'Search units…',
  noResults: 'No unit found', tools: 'Tools', overview: 'Overview', report: 'Report', system: 'System', whatif: 'What-if',
  otherLang: 'Tiếng Việt', signOut: 'Sign out', signIn: 'Sign in', loading: 'Loading…',
  signInTitle: 'Sign in', tokenLabel: 'Access token (bearer)', tokenHelp: 'Issued by an administrator with “users add”.',
  continueDemo: 'Continue to the demo without signing in', badToken: 'The token is not valid or has been revoked.',
  signedInAs: (name, role, unit) => [name, role, unit].filter(Boolean).join(' · '), anonymous: 'Guest (demo, read only)',
  roles: { branch: 'Branch secretary', board: 'Organisation board', committee: 'Standing committee', admin: 'IT administrator' },
  adminTitle: 'IT administrator token', adminText: 'This token opens the silo\'s Orleans dashboard (silos, grains, calls, errors) and reads no unit\'s figures.',
  openOrleans: 'Open the Orleans dashboard',
  levels: { province: 'Province', district: 'District', ward: 'Ward/commune', organisation: 'Party organisation', branch: 'Branch' },
  childLevels: { district: 'Districts', ward: 'Wards and communes', organisation: 'Party organisations', branch: 'Branches' },
  breadcrumb: 'Breadcrumb', year: 'Year', quota: 'Quota', admitted: 'Admitted', progress: '% of quota',
  projected: 'Projected year end', meets: 'Meets the quota', misses: 'Misses the quota', members: 'Members at start of year',
  rate: 'Admission rate', rateTarget: 'target 3–4 %', daysElapsed: 'Days elapsed', lastYearSame: 'Same period last year',
  ofDays: (a, b) => `${a} of ${b} days`, name: 'Unit', status: 'Status',
  statuses: { onTrack: 'On track', atRisk: 'At risk', behind: 'Behind', noQuota: 'No quota' },
  sortBy: (c) => `Sort by ${c}`, live: 'Live', offline: 'Offline', liveTitle: 'Live updates',
  updated: (n) => `Updated: ${n} admitted`, breakdown: 'Who was admitted', characteristics: 'Characteristics',
  youthUnion: 'Youth union', women: 'Women', ethnicMinority: 'Ethnic minority', religious: 'Religious', privateBusinessOwner: 'Private business owners',
  age: 'Age band', averageAge: 'Average age', education: 'Education', occupation: 'Occupation',
  educations: { lowerSecondary: 'Lower secondary', upperSecondary: 'Upper secondary', vocational: 'Vocational / college', university: 'University', postgraduate: 'Postgraduate' },
  occupations: { stateCadre: 'State cadres', publicService: 'Public service', enterpriseWorker: 'Enterprise workers', farmer: 'Farmers', armedForces: 'Armed forces', student: 'Students', other: 'Other' },
  overTime: 'Progress by week', cumulative: 'This year (cumulative)', target: 'Straight line to quota', lastYear: 'Last year',
  week: 'Week', chartSummary: (a, q, w) => `${a} admitted against a quota of ${q} after ${w} weeks`,
  admittedRecorded: (a, r) => `admitted ${a} · recorded ${r}`, feed: 'Latest admissions', feedEmpty: 'No admissions yet.', children: 'Units below', noChildren: 'No units below.',
  exportCsv: 'Export CSV', exportXlsx: 'Export Excel (.xlsx)', print: 'Print (A4)', exportCsvSemicolon: 'Export CSV (;)',
  exportCsvSemicolonHelp: 'CSV separated by semicolons with decimal commas, for Excel set to Vietnamese regional settings',
  asOf: (d) => `Figures as of ${d}`, partyOfVietnam: 'COMMUNIST PARTY OF VIETNAM', placeDate: (d, m, y) => `……, ${d}/${m}/${y}`,
  preparedBy: 'PREPARED BY', signedFor: (o) => `FOR ${o}`, signHint: '(Signature and full name)',
  exportedAt: (d) => `Exported: ${d}`, sheetOverview: 'Admission progress', sheetReport: 'Statistics report', level: 'Level', openReport: 'Statistics report',
  formedFrom: 'Formed from former units', formedFromHelp: 'This unit’s figures are those of the branches it holds now, whenever they were recorded.',
  formerUnit: (d) => `Former unit, until ${d}`, wentInto: 'Went into:', lastDay: 'Last day',
  admittedThere: (y) => `Admitted in ${y} (former unit’s figures)`,
  admissionForm: 'Report an admission', admittedOn: 'Admitted on', gender: 'Gender', female: 'Female', male: 'Male',
  birthDate: 'Date of birth', ageAt: 'Age at admission', nameOptional: 'Full name (optional, kept at the branch only)', yes: 'Yes', no: 'No',
  submit: 'Submit report', saved: 'Admission recorded.', repeated: 'This report had already been recorded.',
  fixErrors: 'Please fix the marked fields.', required: 'Required.', futureDate: 'The admission date may not be in the future.',
  choose: '— choose —', chooseOne: 'Choose one.', notChosen: (fields) => `Not chosen: ${fields}. The report was not sent.`,
  csvTemplate: 'Download the CSV template', uploadHelp: 'One person per line. Gender: Nữ/Nam (or female/male); yes/no columns: Có/Không; dates: dd/mm/yyyy; education and occupation as in the form above (or their codes). Save as “CSV UTF-8”.',
  upload: 'Upload a CSV file', uploadFile: 'CSV file', uploadButton: 'Upload', uploadDone: (n) => `${n} rows processed.`,
  fullName: 'Full name', admissionsList: 'Admissions of this branch', recordedAt: 'Recorded at', correct: 'Correct (retract)',
  reason: 'Reason for the correction', correctFor: (d) => `Reason to retract the admission of ${d}:`, corrected: 'Corrected.', retracted: 'Retracted',
  confirm: 'Confirm', cancel: 'Cancel', noAdmissions: 'No admissions yet.',
  auditTitle: 'Change log', auditEmpty: 'No changes yet.', auditAt: 'When', auditKind: 'Kind', auditWhat: 'What', auditBy: 'By',
  auditMore: 'Show more', auditKinds: { admission: 'Admission', correction: 'Correction', quota: 'Quota', members: 'Members', structure: 'Structure', closing: 'Closing', indicators: 'Indicators' },
  auditQuota: (y, a, b) => `Quota for ${y}: ${a} → ${b}`, auditMembers: (y, a, b) => `Members at the start of ${y}: ${a} → ${b}`,
  auditAdmission: (d) => `Admission reported, dated ${d}`, auditCorrection: (r) => `An admission retracted: ${r}`,
  admittedSoFar: 'Admitted this year', lastYearFigure: 'Last year: admitted / quota', lastYearOf: (a, q) => `${a} / ${q}`,
  quotaMismatch: (sum, own, diff) => `⚠ The children’s quotas (${sum}) do not add up to this unit’s quota (${own}): ${diff}.`,
  quotaEditor: 'Quotas for the level below', ownQuota: 'This unit’s quota', childrenSum: 'Sum of children’s quotas',
  overAllocated: (n) => `Over-allocated by ${n}`, underAllocated: (n) => `Under-allocated by ${n}`, balanced: 'Balanced',
  saveQuotas: 'Save quotas', quotaSaved: 'Quotas saved.', quotaFor: (n) => `Quota of ${n}`,
  quotaConflict: (n) => `Someone else changed the quota of ${n} meanwhile. The new value has been loaded — check it and save again.`,
  quotaConfirm: 'Set this quota anyway',
  quotaAboveMembers: (q, m, y) => `a quota of ${q} is more than the ${m} members at the start of ${y}. Check it, or confirm if that is meant.`,
  reportTitle: 'Statistics report of new party members', from: 'From', to: 'To', show: 'Show report',
  indicator: 'Indicator', thisPeriod: 'This period', samePeriod: 'Same period last year', percent: 'Comparison (%)',
  totalAdmitted: 'Total admitted', ofWhich: 'Of which', ageBands: 'Age bands', unitLabel: 'Unit',
  systemTitle: 'System', activations: 'Activations (grains)', callsPerSecond: 'Calls per second', callLatencyMs: 'Call latency', admissionsPerSecond: 'Admissions per second', propagationDelayMs: 'Propagation delay', workingSetBytes: 'Memory', uptime: 'Uptime', storage: 'Storage', mode: 'Mode',
  storageLatencyMs: 'Storage latency', streamClients: 'Stream clients', polling: 'Refreshed every 2 seconds while this page is open.',
  error: 'Error', forbidden: 'This unit is outside your scope.', notFound: 'Unit not found.', retry: 'Retry',
  back: 'Back to my unit', unavailable: 'The server does not offer this yet.',
};

Object.assign(vi, candidateText.vi);
Object.assign(en, candidateText.en);
Object.assign(vi, closingText.vi);
Object.assign(en, closingText.en);
Object.assign(vi, indicatorText.vi);
Object.assign(en, indicatorText.en);

const dictionaries = { vi, en };
export let lang = localStorage.getItem(KEY) === 'en' ? 'en' : 'vi';

export function setLang(value) {
  lang = value === 'en' ? 'en' : 'vi';
  localStorage.setItem(KEY, lang);
  document.documentElement.lang = lang;
}

export function t(key, ...args) {
  const value = dictionaries[lang][key] ?? vi[key] ?? key;
  return typeof value === 'function' ? value(...args) : value;
}

const locale = () => (lang === 'vi' ? 'vi-VN' : 'en-GB');
/** The name of the level a unit carries (Phường, Đặc khu, Đảng bộ khối), or the generic name of its level. */
export const levelName = (u) => u?.levelName || t('levels')[u?.level] || u?.level || '';
/** What a unit's children are called: by their level when they share one, else "units below". */
export function childrenHeading(children) {
  const levels = new Set((children ?? []).map((c) => c.level));
  return (levels.size === 1 && t('childLevels')[[...levels][0]]) || t('children');
}
export const num = (n) => (n === null || n === undefined || Number.isNaN(n) ? '–' : new Intl.NumberFormat(locale()).format(n));
export const pct = (ratio, digits = 1) => (ratio === null || ratio === undefined || !Number.isFinite(ratio)
  ? '–'
  : new Intl.NumberFormat(locale(), { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(ratio));
export const dec = (n, digits = 1) => (n === null || n === undefined ? '–' : new Intl.NumberFormat(locale(), { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(n));

const pad = (n) => String(n).padStart(2, '0');
/** dd/MM/yyyy from an ISO date or date-time; a bare date is not shifted by the time zone. */
export function date(iso) {
  if (!iso) return '–';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (m) return `${m[3]}/${m[2]}/${m[1]}`;
  const d = new Date(iso);
  return `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()}`;
}
export function dateTime(iso, { seconds = false } = {}) {
  if (!iso) return '–';
  const d = new Date(iso);
  return `${date(iso)} ${pad(d.getHours())}:${pad(d.getMinutes())}${seconds ? `:${pad(d.getSeconds())}` : ''}`;
}
export function isoToday() {
  const d = new Date();
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
