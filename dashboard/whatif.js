// What-if page: scenarios over a subtree, edited in a sandbox on the silo, compared and applied.
// Every URL is relative so the page works under any base path; the token is the one the main dashboard signed in with.
import { session, request, get, ApiError } from './js/api.js';
import { h, replace, replaceKeepingFocus, announce } from './js/dom.js';
import { t, lang, setLang, num, pct, dateTime, childrenHeading, levelName } from './js/i18n.js';
import { administrativeName, byAdministrativeName } from './js/names.js';
import { wireSearch } from './js/search.js';

const words = {
  vi: {
    title: 'Phân tích giả định', nav: 'Phân tích giả định', overview: 'Tổng quan', skip: 'Bỏ qua đến nội dung',
    scenarios: 'Các kịch bản', none: 'Chưa có kịch bản nào.', newScenario: 'Tạo kịch bản mới',
    name: 'Tên kịch bản', unit: 'Đơn vị', unitHelp: 'Gõ tên hoặc mã để tìm; kịch bản gồm đơn vị này và mọi cấp dưới.',
    year: 'Năm', create: 'Tạo kịch bản từ số liệu hiện hành', creating: 'Đang chụp số liệu…', open: 'Mở',
    author: 'Người tạo', created: 'Tạo lúc', state: 'Trạng thái', scope: 'Phạm vi',
    states: { draft: 'Nháp', applied: 'Đã áp dụng' }, back: 'Danh sách kịch bản',
    snapshot: (d, a, b) => `Số liệu chụp lúc ${d}; đã qua ${a}/${b} ngày của năm. Dự báo cuối năm theo tốc độ kết nạp từ đầu năm.`,
    appliedBy: (who, at, n) => `Đã áp dụng bởi ${who} lúc ${at} (${n} đơn vị). Kịch bản không sửa được nữa.`,
    missing: 'Đơn vị dự báo không đạt', shortfall: 'Tổng thiếu hụt dự báo', liveWas: (n) => `hiện hành: ${n}`,
    shortfallHelp: 'Cộng phần thiếu của mỗi đơn vị không đạt, ở mọi cấp; xem từng cấp ở bảng dưới.',
    rootBalance: (n) => `Tổng chỉ tiêu cấp dưới của ${n}`, byLevel: 'Theo cấp', level: 'Cấp', units: 'Số đơn vị',
    focusQuota: (n) => `Chỉ tiêu của ${n} (kịch bản)`, setQuota: 'Đặt chỉ tiêu',
    redistribute: 'Phân bổ lại cho cấp dưới', method: 'Cách phân bổ', redistributeButton: 'Phân bổ lại',
    methods: { even: 'Chia đều', members: 'Theo số đảng viên đầu năm', admissions: 'Theo số đã kết nạp năm nay', lastYearAttainment: 'Theo mức đạt chỉ tiêu năm trước', candidates: 'Theo nguồn phát triển đảng viên' },
    fromStage: 'Tính nguồn từ bước',
    stages: { introduced: 'Được giới thiệu', course: 'Đã học lớp nhận thức về Đảng', verified: 'Đã thẩm tra lý lịch', resolution: 'Chi bộ đã ra nghị quyết', decision: 'Cấp ủy cấp trên đã quyết định', admitted: 'Đã kết nạp', probationary: 'Đảng viên dự bị', official: 'Đảng viên chính thức' },
    forecast: (n) => `Dự báo cuối năm của ${n}`, withSources: (n) => `tính cả nguồn đã có nghị quyết: ${n}`,
    missingWithSources: (n) => `tính cả nguồn: ${n}`,
    pastResolution: 'Nguồn đã có nghị quyết', projectedWithSources: 'Dự báo tính cả nguồn',
    redistributeHelp: 'Đơn vị đã khóa giữ nguyên chỉ tiêu; phần còn lại được chia theo phương pháp phần dư lớn nhất nên tổng khớp đúng.',
    move: 'Chuyển chỉ tiêu', from: 'Từ đơn vị', to: 'Sang đơn vị', amount: 'Số lượng', moveButton: 'Chuyển',
    lock: 'Khóa', lockLabel: (n) => `Khóa chỉ tiêu của ${n}`, quotaScenario: 'Chỉ tiêu (kịch bản)', quotaLabel: (n) => `Chỉ tiêu kịch bản của ${n}`,
    quotaLive: 'Chỉ tiêu hiện hành', lastYearAttainment: 'Mức đạt năm trước', attainment: 'Dự báo / chỉ tiêu',
    gap: 'Thiếu (+) / vượt (−)', statusScenario: 'Tình trạng (kịch bản)', statusLive: 'Tình trạng hiện hành',
    drill: (n) => `Xem cấp dưới của ${n}`, undo: 'Hoàn tác thao tác cuối', apply: 'Áp dụng vào số liệu thật', discard: 'Hủy kịch bản',
    confirmApply: (n) => `Ghi chỉ tiêu mới của ${n} đơn vị vào số liệu thật? Mỗi thay đổi được ghi vào nhật ký.`,
    confirmDiscard: 'Hủy kịch bản này? Số liệu thật không bị ảnh hưởng.',
    applied: (n) => `Đã áp dụng chỉ tiêu mới cho ${n} đơn vị.`,
    conflict: 'Không áp dụng: chỉ tiêu hiện hành của các đơn vị sau đã thay đổi từ khi chụp số liệu. Không có thay đổi nào được ghi.',
    notRolledBack: (ids) => `Không khôi phục được: ${ids}.`,
    changes: 'Khác biệt so với hiện hành', noChanges: 'Chưa khác gì so với hiện hành.',
    compareWith: 'So sánh với kịch bản', compareNone: '— Không so sánh —', changesVs: (n) => `Khác biệt so với “${n}”`,
    before: 'Trước', after: 'Sau',
    changedSummary: (c, worse, better) => `${c} đơn vị thay đổi; ${worse} chuyển sang không đạt, ${better} chuyển sang đạt.`,
    truncated: 'Chỉ hiển thị những dòng đầu.', edits: 'Các thao tác (mới nhất trước)', noEdits: 'Chưa có thao tác nào.',
    editDone: (m, l) => `Đã cập nhật. Dự báo không đạt: ${m} đơn vị (hiện hành ${l}).`, undone: 'Đã hoàn tác thao tác cuối.',
    readOnly: 'Chỉ Ban Tổ chức của đơn vị này hoặc cấp trên được sửa và áp dụng kịch bản.',
    signInFirst: 'Hãy đăng nhập ở trang tổng quan trước.', goSignIn: 'Đến trang đăng nhập', discarded: 'Đã hủy kịch bản.',
    editTypes: {
      setQuota: (e, n) => `Đặt chỉ tiêu ${n(e.unitId)} = ${e.quota}`,
      move: (e, n) => `Chuyển ${e.amount} từ ${n(e.fromUnitId)} sang ${n(e.toUnitId)}`,
      redistribute: (e, n) => `Phân bổ lại ${n(e.unitId)}: ${words.vi.methods[e.method] ?? e.method}`,
      lock: (e, n) => `Khóa ${n(e.unitId)}`, unlock: (e, n) => `Mở khóa ${n(e.unitId)}`,
    },
    unbalancedBelow: 'Lưu ý: sau khi áp dụng, chỉ tiêu giao cho cấp dưới của các đơn vị sau sẽ không khớp chỉ tiêu của chính đơn vị đó:',
    unbalancedItem: (n, sum, quota, diff) => `${n}: cấp dưới ${sum} / chỉ tiêu ${quota} (${diff})`,
    changed: (n) => `${n} đơn vị đổi chỉ tiêu`,
  },
  en: {
    title: 'What-if analysis', nav: 'What-if', overview: 'Overview', skip: 'Skip to content',
    scenarios: 'Scenarios', none: 'No scenarios yet.', newScenario: 'New scenario',
    name: 'Scenario name', unit: 'Unit', unitHelp: 'Type a name or id to search; the scenario covers this unit and everything below it.',
    year: 'Year', create: 'Create from the live figures', creating: 'Taking the snapshot…', open: 'Open',
    author: 'Author', created: 'Created', state: 'State', scope: 'Covers',
    states: { draft: 'Draft', applied: 'Applied' }, back: 'All scenarios',
    snapshot: (d, a, b) => `Snapshot taken ${d}; ${a} of ${b} days of the year gone. Year-end projections follow the run rate so far.`,
    appliedBy: (who, at, n) => `Applied by ${who} at ${at} (${n} units). It can no longer change.`,
    missing: 'Units projected to miss', shortfall: 'Projected shortfall', liveWas: (n) => `live: ${n}`,
    shortfallHelp: 'Each missing unit’s own gap added up, at every level; see each level in the table below.',
    rootBalance: (n) => `Children’s quotas of ${n}`, byLevel: 'By level', level: 'Level', units: 'Units',
    focusQuota: (n) => `Quota of ${n} (scenario)`, setQuota: 'Set quota',
    redistribute: 'Redistribute to the level below', method: 'Method', redistributeButton: 'Redistribute',
    methods: { even: 'Even split', members: 'By members at the start of the year', admissions: 'By admissions so far this year', lastYearAttainment: 'By last year’s attainment', candidates: 'By candidate sources' },
    fromStage: 'Count sources from stage',
    stages: { introduced: 'Introduced', course: 'Attended the course', verified: 'Background verified', resolution: 'Branch resolution', decision: 'Superior committee’s decision', admitted: 'Admitted', probationary: 'Probationary member', official: 'Official member' },
    forecast: (n) => `Year-end forecast for ${n}`, withSources: (n) => `with the sources past the branch resolution: ${n}`,
    missingWithSources: (n) => `with the sources: ${n}`,
    pastResolution: 'Sources past the resolution', projectedWithSources: 'Forecast with sources',
    redistributeHelp: 'Locked units keep their quota; the rest is shared by largest remainder, so the sum is exact.',
    move: 'Move quota', from: 'From', to: 'To', amount: 'Amount', moveButton: 'Move',
    lock: 'Lock', lockLabel: (n) => `Lock the quota of ${n}`, quotaScenario: 'Quota (scenario)', quotaLabel: (n) => `Scenario quota of ${n}`,
    quotaLive: 'Live quota', lastYearAttainment: 'Last year’s attainment', attainment: 'Projected / quota',
    gap: 'Short (+) / over (−)', statusScenario: 'Status (scenario)', statusLive: 'Status (live)',
    drill: (n) => `Show the units below ${n}`, undo: 'Undo the last edit', apply: 'Apply to live data', discard: 'Discard scenario',
    confirmApply: (n) => `Write the new quotas of ${n} units to live data? Each change goes into the audit log.`,
    confirmDiscard: 'Discard this scenario? Live data is not affected.',
    applied: (n) => `New quotas applied to ${n} units.`,
    conflict: 'Not applied: the live quotas of these units changed since the snapshot. Nothing was written.',
    notRolledBack: (ids) => `Could not be put back: ${ids}.`,
    changes: 'Differences from live', noChanges: 'No differences from live yet.',
    compareWith: 'Compare with scenario', compareNone: '— No comparison —', changesVs: (n) => `Differences from “${n}”`,
    before: 'Before', after: 'After',
    changedSummary: (c, worse, better) => `${c} units changed; ${worse} now miss, ${better} now meet their quota.`,
    truncated: 'Only the first rows are shown.', edits: 'Edits (newest first)', noEdits: 'No edits yet.',
    editDone: (m, l) => `Updated. Projected to miss: ${m} units (live ${l}).`, undone: 'The last edit was undone.',
    readOnly: 'Only the organisation board of this unit or above may edit and apply the scenario.',
    signInFirst: 'Sign in on the overview page first.', goSignIn: 'Go to sign-in', discarded: 'Scenario discarded.',
    editTypes: {
      setQuota: (e, n) => `Set the quota of ${n(e.unitId)} to ${e.quota}`,
      move: (e, n) => `Move ${e.amount} from ${n(e.fromUnitId)} to ${n(e.toUnitId)}`,
      redistribute: (e, n) => `Redistribute ${n(e.unitId)}: ${words.en.methods[e.method] ?? e.method}`,
      lock: (e, n) => `Lock ${n(e.unitId)}`, unlock: (e, n) => `Unlock ${n(e.unitId)}`,
    },
    unbalancedBelow: 'Note: once applied, the quotas given to the level below these units will not add up to the unit’s own quota:',
    unbalancedItem: (n, sum, quota, diff) => `${n}: level below ${sum} / quota ${quota} (${diff})`,
    changed: (n) => `${n} quotas changed`,
  },
};

/** This page's own words; shared ones (statuses, levels, numbers) come from the dashboard's dictionary. */
function w(key, ...args) {
  const value = words[lang][key] ?? words.vi[key] ?? key;
  return typeof value === 'function' ? value(...args) : value;
}

const main = document.getElementById('main');
const scenariosUrl = (id, rest = '') => `api/scenarios${id ? `/${encodeURIComponent(id)}` : ''}${rest}`;
let me = null;
let current = null; // { id, unit, compareTo, report, list }
let chosenMethod = 'even'; // the redistribution method last chosen, kept across the redraw an edit causes
let chosenStage = 'resolution'; // the stage sources count from when redistributing by candidates
const names = new Map(); // unit id → name, from every answer seen, so the edit log reads in names rather than codes
let generation = 0;
let shownPage = '';

/** Mirrors the silo's rule (Projections.Status) so a typed quota shows its status before it is sent. */
function statusOf(projected, quota) {
  if (!(quota > 0)) return 'noQuota';
  if (projected >= quota) return 'onTrack';
  return projected >= quota * 0.85 ? 'atRisk' : 'behind';
}

const statusBadge = (status) => h('span', { class: `status ${status}`, text: t('statuses')[status] ?? status });
const canEdit = (report) => me?.role === 'board' && report.scenario.status === 'draft';

function parseHash() {
  const [path, query = ''] = location.hash.replace(/^#\/?/, '').split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const params = new URLSearchParams(query);
  return { id: parts[0] === 's' ? parts[1] : undefined, unit: params.get('unit') || undefined, compareTo: params.get('compare') || undefined };
}

function go(id, unit, compareTo) {
  if (!id) { location.hash = '#/'; return; }
  const params = new URLSearchParams();
  if (unit) params.set('unit', unit);
  if (compareTo) params.set('compare', compareTo);
  const q = params.toString();
  location.hash = `#/s/${encodeURIComponent(id)}${q ? `?${q}` : ''}`;
}

function renderChrome() {
  document.documentElement.lang = lang;
  document.title = `${w('title')} – ${t('appTitle')}`;
  document.getElementById('brand').textContent = t('appTitle');
  document.getElementById('skip-link').textContent = w('skip');
  document.getElementById('tools-nav').setAttribute('aria-label', t('tools'));
  document.getElementById('nav-overview').textContent = w('overview');
  document.getElementById('nav-report').textContent = t('report');
  document.getElementById('nav-system').textContent = t('system');
  document.getElementById('nav-whatif').textContent = t('whatif');
  document.getElementById('search-label').textContent = t('search');
  document.getElementById('search-input').placeholder = t('searchPlaceholder');
  const signOut = document.getElementById('sign-out');
  signOut.hidden = !me;
  signOut.textContent = me?.anonymous ? t('signIn') : t('signOut');
  const langButton = document.getElementById('lang-switch');
  langButton.textContent = t('otherLang');
  langButton.lang = lang === 'vi' ? 'en' : 'vi';
  document.getElementById('who').textContent = !me ? '' : me.anonymous ? t('anonymous')
    : t('signedInAs', me.name ?? '', me.roleTitle || (t('roles')[me.role] ?? me.role ?? ''), me.unitPartyName || me.unitName || me.unitId || '');
}

async function identify() {
  try {
    const data = await get('api/me');
    return { ...data, unitPartyName: data.unitPartyName ?? data.unit?.partyName ?? null, anonymous: !session.token || data.anonymous === true };
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/** A status line that screen readers hear; field errors also mark the inputs they belong to. */
function showProblem(status, error, form) {
  form?.querySelectorAll('[aria-invalid]').forEach((el) => el.removeAttribute('aria-invalid'));
  const fields = error instanceof ApiError ? error.errors : {};
  const messages = [];
  for (const [field, list] of Object.entries(fields)) {
    const input = form?.querySelector(`[data-field="${CSS.escape(field)}"]`);
    if (input) { input.setAttribute('aria-invalid', 'true'); input.setAttribute('aria-describedby', status.id); }
    messages.push(...list);
  }
  status.className = 'form-status bad';
  status.textContent = messages.length ? messages.join(' ') : error.message;
  form?.querySelector('[aria-invalid="true"]')?.focus();
}

function field(id, label, input, help) {
  input.id = id;
  if (help) input.setAttribute('aria-describedby', `${id}-help`);
  return h('div', { class: 'field' }, h('label', { for: id, text: label }), input, help ? h('p', { id: `${id}-help`, class: 'muted', text: help }) : null);
}

// ---- the list of scenarios and the form for a new one ----

async function listPage() {
  const list = await get(scenariosUrl());
  const rows = list.map((s) => h('tr', {},
    h('th', { scope: 'row' }, h('a', { href: `#/s/${encodeURIComponent(s.id)}`, text: s.name })),
    h('td', { text: `${s.rootName} (${t('levels')[s.rootLevel] ?? s.rootLevel})` }),
    h('td', { class: 'num', text: s.year }),
    h('td', { text: s.author }),
    h('td', { text: dateTime(s.createdAt) }),
    h('td', { text: w('states')[s.status] ?? s.status })));
  replace(main,
    h('div', { class: 'page-head' }, h('h1', { text: w('title') })),
    me?.role === 'board' ? createForm() : h('p', { class: 'muted', text: w('readOnly') }),
    h('section', { class: 'card', 'aria-labelledby': 'list-h' },
      h('h2', { id: 'list-h', text: w('scenarios') }),
      list.length === 0 ? h('p', { class: 'muted', text: w('none') }) : h('div', { class: 'table-wrap' }, h('table', { class: 'data', 'data-testid': 'scenario-list' },
        h('thead', {}, h('tr', {}, [w('name'), w('scope'), w('year'), w('author'), w('created'), w('state')].map((c, i) => h('th', { scope: 'col', class: i === 2 ? 'num' : undefined, text: c })))),
        h('tbody', {}, rows)))));
}

function createForm() {
  const name = h('input', { type: 'text', required: true, maxlength: 200, autocomplete: 'off', 'data-field': 'name' });
  const options = h('datalist', { id: 'root-options' });
  // The field shows names; the id travels beside it. A typed id still works for those who know their codes.
  const root = h('input', { type: 'text', required: true, list: 'root-options', autocomplete: 'off', value: me?.unitName ?? me?.unitId ?? '', 'data-field': 'rootUnitId' });
  let chosen = me?.unitId ? { id: me.unitId, label: root.value } : null;
  const hits = new Map(); // the text an option puts in the field → the unit
  const year = h('input', { type: 'number', min: 1930, max: 2200, step: 1, value: new Date().getFullYear(), class: 'num', 'data-field': 'year' });
  const status = h('p', { id: 'create-status', class: 'form-status', role: 'alert' });
  let timer;
  root.addEventListener('input', () => {
    const picked = hits.get(root.value);
    chosen = picked ? { id: picked.id, label: root.value } : null;
    clearTimeout(timer);
    const query = root.value.trim();
    if (picked || query.length < 2) return;
    timer = setTimeout(async () => {
      const found = await get(`api/units?search=${encodeURIComponent(query)}&limit=15`).catch(() => []);
      hits.clear();
      replace(options, found.filter((u) => u.level !== 'branch').map((u) => {
        const label = `${administrativeName(u)} (${levelName(u)})`;
        hits.set(label, u);
        names.set(u.id, administrativeName(u));
        // The party organisation's name goes beside the suggestion, for whoever searched by it.
        return h('option', { value: label, label: u.partyName && u.partyName !== u.name ? u.partyName : undefined });
      }));
    }, 250);
  });
  const form = h('form', {
    'aria-labelledby': 'create-h',
    onsubmit: async (event) => {
      event.preventDefault();
      const button = form.querySelector('button');
      button.disabled = true;
      status.className = 'form-status';
      status.textContent = w('creating');
      const rootUnitId = chosen?.id ?? hits.get(root.value)?.id ?? root.value.trim();
      try {
        const report = (await request(scenariosUrl(), { method: 'POST', body: { name: name.value, rootUnitId, year: Number(year.value) } })).data;
        go(report.scenario.id);
      } catch (error) {
        showProblem(status, error, form);
      } finally {
        button.disabled = false;
      }
    },
  },
  h('div', { class: 'fields' },
    field('new-name', w('name'), name),
    field('new-root', w('unit'), root, w('unitHelp')), options,
    field('new-year', w('year'), year)),
  h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'primary' }, w('create')), status));
  return h('section', { class: 'card' }, h('h2', { id: 'create-h', text: w('newScenario') }), form);
}

// ---- one scenario ----

async function scenarioPage({ id, unit, compareTo }) {
  const query = new URLSearchParams();
  if (unit) query.set('unitId', unit);
  if (compareTo) query.set('compareTo', compareTo);
  const q = query.toString();
  const [report, list] = await Promise.all([get(scenariosUrl(id, q ? `?${q}` : '')), get(scenariosUrl()).catch(() => [])]);
  current = { id, unit, compareTo, report, list };
  remember(report);
  renderScenario();
}

/** Sends one edit; the answer carries the scenario after it, so the page redraws without a second request. */
async function edit(body, status, form) {
  try {
    const unit = current.unit ? `?unitId=${encodeURIComponent(current.unit)}` : '';
    const { data } = await request(scenariosUrl(current.id, `/edits${unit}`), { method: 'POST', body });
    current.report = data.scenario;
    remember(data.scenario);
    renderScenario();
    const totals = data.scenario.totals;
    announce(data.undone ? w('undone') : w('editDone', num(totals.unitsProjectedToMiss), num(data.scenario.liveTotals.unitsProjectedToMiss)));
    return true;
  } catch (error) {
    showProblem(status, error, form);
    return false;
  }
}

function remember(report) {
  const units = [...report.path, report.focus, ...report.children, ...report.comparison.changes, ...(report.comparedWithScenario?.changes ?? [])];
  for (const u of units) if (u?.id) names.set(u.id, administrativeName(u));
}

const nameOf = (id) => names.get(id) ?? id;

/**
 * Units below a changed unit whose quotas would no longer add up to it once applied. Each changed unit that has a
 * level below is read as its own focus, since the report carries the children's sum only for the units on screen.
 */
async function unbalancedBelow(report) {
  const changed = report.comparison.changes.filter((c) => c.level !== 'branch').slice(0, 50);
  const views = await Promise.all(changed.map((c) => get(scenariosUrl(current.id, `?unitId=${encodeURIComponent(c.id)}`)).then((r) => r.focus).catch(() => null)));
  return views.filter((f) => f && f.childCount > 0 && f.childrenQuota !== f.quota);
}

function renderScenario() {
  const report = current.report;
  const editable = canEdit(report);
  const status = h('p', { id: 'edit-status', class: 'form-status', role: 'alert' });
  replaceKeepingFocus(main,
    h('nav', { class: 'breadcrumb', 'aria-label': t('breadcrumb') }, h('ol', {},
      h('li', {}, h('a', { href: '#/', text: w('back') })),
      report.path.map((p, i) => h('li', {}, i === report.path.length - 1
        ? h('span', { 'aria-current': 'page', text: administrativeName(p) })
        : h('a', { href: '#', onclick: (e) => { e.preventDefault(); go(current.id, p.id, current.compareTo); }, text: administrativeName(p) }))))),
    header(report, editable, status),
    totalsSection(report),
    editable || report.scenario.status === 'applied' ? null : h('p', { class: 'muted', text: w('readOnly') }),
    childrenSection(report, editable, status),
    editable && report.children.length > 0 ? toolsSection(report, status) : null,
    comparisonSection(w('changes'), report.comparison),
    compareSection(report),
    report.comparedWithScenario ? comparisonSection(w('changesVs', report.comparedWithScenario.againstName), report.comparedWithScenario) : null,
    editsSection(report));
}

function header(report, editable, status) {
  const s = report.scenario;
  const confirmBox = h('div', { class: 'form-actions', hidden: true, role: 'group', 'aria-labelledby': 'confirm-text' });
  const ask = (message, action, warning) => {
    replace(confirmBox,
      warning,
      h('p', { id: 'confirm-text', text: message }),
      h('button', { type: 'button', class: 'primary', 'data-focus-key': 'confirm', onclick: action }, t('confirm')),
      h('button', { type: 'button', onclick: () => { confirmBox.hidden = true; } }, t('cancel')));
    confirmBox.hidden = false;
    confirmBox.querySelector('button').focus();
  };
  const apply = async () => {
    confirmBox.hidden = true;
    try {
      const { data } = await request(scenariosUrl(current.id, '/apply'), { method: 'POST' });
      announce(w('applied', num(data.appliedUnits)));
      await scenarioPage(current);
      document.getElementById('edit-status').textContent = w('applied', num(data.appliedUnits));
    } catch (error) {
      if (error instanceof ApiError && error.status === 409 && error.problem.conflicts) {
        status.className = 'form-status bad';
        replace(status, w('conflict'), h('ul', {}, error.problem.conflicts.map((c) => h('li', { text: `${c.name}: ${c.reason}` }))),
          error.problem.notRolledBack?.length ? w('notRolledBack', error.problem.notRolledBack.join(', ')) : null);
      } else {
        showProblem(status, error);
      }
    }
  };
  const discard = async () => {
    try {
      await request(scenariosUrl(current.id), { method: 'DELETE' });
      announce(w('discarded'));
      go(undefined);
    } catch (error) {
      showProblem(status, error);
    }
  };
  return h('section', { class: 'card', 'aria-labelledby': 'scenario-h' },
    h('div', { class: 'page-head' },
      h('div', {},
        h('p', { class: 'level', text: `${w('states')[s.status] ?? s.status} · ${s.year} · ${s.author}` }),
        h('h1', { id: 'scenario-h', text: s.name })),
      h('div', { class: 'head-tools' },
        editable ? h('button', { type: 'button', 'data-focus-key': 'undo', disabled: report.edits.length === 0, onclick: () => edit({ type: 'undo' }, status) }, w('undo')) : null,
        editable ? h('button', {
          type: 'button', class: 'primary', 'data-focus-key': 'apply', disabled: report.comparison.changedUnits === 0,
          onclick: async () => {
            const off = await unbalancedBelow(report);
            ask(w('confirmApply', num(report.comparison.changedUnits)), apply, off.length ? h('div', { class: 'quota-warning', 'data-testid': 'apply-warning' },
              h('p', { text: w('unbalancedBelow') }),
              h('ul', {}, off.map((f) => {
                const diff = f.childrenQuota - f.quota;
                return h('li', { text: w('unbalancedItem', administrativeName(f), num(f.childrenQuota), num(f.quota), diff > 0 ? t('overAllocated', num(diff)) : t('underAllocated', num(-diff))) });
              }))) : null);
          },
        }, w('apply')) : null,
        // An applied scenario is the record of what was written; there is nothing left to discard.
        editable ? h('button', { type: 'button', 'data-focus-key': 'discard', onclick: () => ask(w('confirmDiscard'), discard) }, w('discard')) : null)),
    h('p', { class: 'muted', text: w('snapshot', dateTime(report.snapshotTakenAt), report.daysElapsed, report.daysInYear) }),
    s.status === 'applied' ? h('p', { class: 'form-status ok', text: w('appliedBy', s.appliedBy, dateTime(s.appliedAt), num(s.appliedUnits)) }) : null,
    confirmBox, status);
}

function kpi(label, value, detail, testId) {
  return h('div', { class: 'kpi', 'data-testid': testId }, h('p', { class: 'kpi-label', text: label }), h('p', { class: 'kpi-value', text: value }), detail ? h('p', { class: 'kpi-detail', text: detail }) : null);
}

function totalsSection(report) {
  const totals = report.totals;
  const live = report.liveTotals;
  const diff = totals.rootChildrenQuota - totals.rootQuota;
  return h('section', { 'aria-label': w('byLevel') },
    h('div', { class: 'kpis', role: 'status', 'aria-live': 'polite' },
      kpi(w('missing'), num(totals.unitsProjectedToMiss), `${w('liveWas', num(live.unitsProjectedToMiss))} · ${w('missingWithSources', num(totals.unitsProjectedToMissWithCandidates ?? 0))}`, 'missing'),
      kpi(w('shortfall'), num(totals.projectedShortfall), w('liveWas', num(live.projectedShortfall)), 'shortfall'),
      kpi(w('rootBalance', report.path[0]?.name ?? ''), `${num(totals.rootChildrenQuota)} / ${num(totals.rootQuota)}`,
        diff > 0 ? t('overAllocated', num(diff)) : diff < 0 ? t('underAllocated', num(-diff)) : t('balanced'), 'root-balance'),
      kpi(w('forecast', report.path[0]?.name ?? ''), num(totals.rootProjected ?? 0), w('withSources', num(totals.rootProjectedWithCandidates ?? 0)), 'forecast-sources')),
    h('details', { class: 'card' }, h('summary', { text: w('byLevel') }),
      h('p', { class: 'muted', text: w('shortfallHelp') }),
      h('div', { class: 'table-wrap' }, h('table', { class: 'data' },
        h('thead', {}, h('tr', {}, [w('level'), w('units'), w('missing'), w('shortfall'), t('quota'), t('projected')].map((c, i) => h('th', { scope: 'col', class: i ? 'num' : undefined, text: c })))),
        h('tbody', {}, totals.levels.map((l) => {
          const before = live.levels.find((x) => x.level === l.level);
          return h('tr', {},
            h('th', { scope: 'row', text: t('levels')[l.level] ?? l.level }),
            h('td', { class: 'num', text: num(l.units) }),
            h('td', { class: 'num', text: `${num(l.projectedToMiss)} (${w('liveWas', num(before?.projectedToMiss))})` }),
            h('td', { class: 'num', text: `${num(l.shortfall)} (${w('liveWas', num(before?.shortfall))})` }),
            h('td', { class: 'num', text: num(l.quota) }),
            h('td', { class: 'num', text: num(l.projected) }));
        }))))));
}

function childrenSection(report, editable, status) {
  const focus = report.focus;
  const balance = h('p', { class: 'balance', role: 'status', 'data-testid': 'focus-balance' });
  const showBalance = (sum) => {
    const diff = sum - focus.quota;
    balance.textContent = `${t('childrenSum')}: ${num(sum)} / ${num(focus.quota)} · ${diff > 0 ? t('overAllocated', num(diff)) : diff < 0 ? t('underAllocated', num(-diff)) : t('balanced')}`;
    balance.className = `balance ${diff === 0 ? 'ok' : 'warn'}`;
  };
  const focusQuota = h('input', { type: 'number', min: 0, step: 1, value: focus.quota, class: 'num', 'data-field': 'quota', 'data-focus-key': `quota-${focus.id}`, disabled: !editable || focus.locked });
  const focusForm = h('form', {
    class: 'inline',
    onsubmit: (event) => { event.preventDefault(); edit({ type: 'setQuota', unitId: focus.id, quota: Number(focusQuota.value) }, status, focusForm); },
  }, field('focus-quota', w('focusQuota', focus.name), focusQuota),
  editable ? h('button', { type: 'submit', 'data-focus-key': 'focus-set' }, w('setQuota')) : null);

  const table = h('table', { class: 'data scenario-table', 'data-testid': 'scenario-children' },
    h('thead', {}, h('tr', {}, [t('name'), w('lock'), w('quotaScenario'), w('quotaLive'), t('members'), t('admitted'), w('lastYearAttainment'), t('projected'), w('pastResolution'), w('projectedWithSources'), w('attainment'), w('gap'), w('statusScenario'), w('statusLive')]
      .map((c, i) => h('th', { scope: 'col', class: i >= 2 && i <= 11 ? 'num' : undefined, text: c })))),
    h('tbody', {}, [...report.children].sort(byAdministrativeName).map((c) => childRow(c, editable, status))));
  const recount = () => showBalance([...table.querySelectorAll('input[data-quota]')].reduce((n, i) => n + (Number(i.value) || 0), 0));
  table.addEventListener('input', (event) => {
    // Typing previews the row's status at once; the edit is sent when the value is committed (Enter or leaving the field).
    const input = event.target.closest('input[data-quota]');
    if (!input) return;
    const row = input.closest('tr');
    const quota = Number(input.value);
    replace(row.querySelector('[data-cell="status"]'), statusBadge(statusOf(Number(row.dataset.projected), quota)));
    row.querySelector('[data-cell="gap"]').textContent = num(quota - Number(row.dataset.projected));
    recount();
  });
  showBalance(focus.childrenQuota);
  return h('section', { class: 'card', 'aria-labelledby': 'children-h' },
    h('h2', { id: 'children-h', text: `${childrenHeading(report.children)} – ${focus.name}` }),
    focusForm,
    report.children.length ? h('div', { class: 'table-wrap' }, table) : h('p', { class: 'muted', text: t('noChildren') }),
    report.children.length ? balance : null);
}

function childRow(c, editable, status) {
  let sent = false;
  const commit = (event) => {
    // Enter and the change that may follow it are one edit.
    const value = Number(event.target.value);
    if (sent || event.target.value === '' || value === c.quota) return;
    sent = true;
    edit({ type: 'setQuota', unitId: c.id, quota: value }, status, event.target.closest('tr')).then((ok) => { sent = ok; });
  };
  const quota = h('input', {
    type: 'number', min: 0, step: 1, value: c.quota, class: 'num', id: `q-${c.id}`, 'data-quota': '', 'data-field': 'quota',
    'data-focus-key': `quota-${c.id}`, 'aria-label': w('quotaLabel', c.name), disabled: !editable || c.locked,
    onchange: commit,
    onkeydown: (event) => { if (event.key === 'Enter') { event.preventDefault(); commit(event); } },
  });
  const lock = h('input', {
    type: 'checkbox', checked: c.locked, 'aria-label': w('lockLabel', c.name), 'data-focus-key': `lock-${c.id}`, disabled: !editable,
    onchange: (event) => edit({ type: event.target.checked ? 'lock' : 'unlock', unitId: c.id }, status, event.target.closest('tr')),
  });
  const name = c.childCount > 0
    ? h('button', { type: 'button', class: 'link', 'data-focus-key': `drill-${c.id}`, title: w('drill', administrativeName(c)), onclick: () => go(current.id, c.id, current.compareTo) }, administrativeName(c))
    : administrativeName(c);
  return h('tr', { class: c.quota !== c.liveQuota ? 'changed' : undefined, dataset: { projected: c.projected } },
    h('th', { scope: 'row' }, name),
    h('td', {}, lock),
    h('td', { class: 'num' }, quota),
    h('td', { class: 'num', text: num(c.liveQuota) }),
    h('td', { class: 'num', text: num(c.membersAtStart) }),
    h('td', { class: 'num', text: num(c.admitted) }),
    h('td', { class: 'num', text: pct(c.lastYearAttainment, 0) }),
    h('td', { class: 'num', text: num(c.projected) }),
    h('td', { class: 'num', 'data-cell': 'past-resolution', text: num(c.pastResolution ?? 0) }),
    h('td', { class: 'num', text: num(c.projectedWithCandidates ?? c.projected) }),
    h('td', { class: 'num', text: pct(c.attainment, 0) }),
    h('td', { class: 'num', 'data-cell': 'gap', text: num(c.gap) }),
    h('td', { 'data-cell': 'status' }, statusBadge(c.status)),
    h('td', {}, statusBadge(c.liveStatus)));
}

function toolsSection(report, status) {
  const focus = report.focus;
  const stage = h('select', { 'data-field': 'fromStage', 'data-focus-key': 'fromStage', onchange: (event) => { chosenStage = event.target.value; } },
    Object.entries(words[lang].stages).map(([value, label]) => h('option', { value, text: label, selected: value === chosenStage })));
  const stageField = field('fromStage', w('fromStage'), stage);
  stageField.hidden = chosenMethod !== 'candidates';
  const method = h('select', {
    'data-field': 'method', 'data-focus-key': 'method',
    onchange: (event) => { chosenMethod = event.target.value; stageField.hidden = chosenMethod !== 'candidates'; },
  }, Object.entries(words[lang].methods).map(([value, label]) => h('option', { value, text: label, selected: value === chosenMethod })));
  const redistribute = h('form', {
    'aria-labelledby': 'redistribute-h',
    onsubmit: (event) => { event.preventDefault(); edit({ type: 'redistribute', unitId: focus.id, method: method.value, ...(method.value === 'candidates' ? { fromStage: stage.value } : {}) }, status, redistribute); },
  },
  h('h3', { id: 'redistribute-h', text: `${w('redistribute')} – ${focus.name}` }),
  h('div', { class: 'fields' },
    field('method', w('method'), method, w('redistributeHelp')),
    stageField,
    h('button', { type: 'submit', class: 'primary', 'data-focus-key': 'redistribute' }, w('redistributeButton'))));

  const choices = () => [...report.children].sort(byAdministrativeName).map((c) => h('option', { value: c.id, text: administrativeName(c) }));
  const from = h('select', { 'data-field': 'fromUnitId' }, choices());
  const to = h('select', { 'data-field': 'toUnitId' }, choices());
  if (report.children.length > 1) to.selectedIndex = 1;
  const amount = h('input', { type: 'number', min: 1, step: 1, value: 1, class: 'num', 'data-field': 'amount' });
  const move = h('form', {
    'aria-labelledby': 'move-h',
    onsubmit: (event) => { event.preventDefault(); edit({ type: 'move', fromUnitId: from.value, toUnitId: to.value, amount: Number(amount.value) }, status, move); },
  },
  h('h3', { id: 'move-h', text: w('move') }),
  h('div', { class: 'fields' },
    field('move-from', w('from'), from), field('move-to', w('to'), to), field('move-amount', w('amount'), amount),
    h('button', { type: 'submit', 'data-focus-key': 'move' }, w('moveButton'))));
  return h('section', { class: 'card' }, redistribute, move);
}

function comparisonSection(title, comparison) {
  const id = `cmp-${comparison.against}`;
  return h('section', { class: 'card', 'aria-labelledby': id, 'data-testid': `comparison-${comparison.against}` },
    h('h2', { id, text: title }),
    comparison.changedUnits === 0 ? h('p', { class: 'muted', text: w('noChanges') }) : [
      h('p', { text: w('changedSummary', num(comparison.changedUnits), num(comparison.newlyMissing), num(comparison.noLongerMissing)) }),
      h('div', { class: 'table-wrap' }, h('table', { class: 'data' },
        h('thead', {}, h('tr', {}, [t('name'), w('level'), `${t('quota')} – ${w('before')}`, `${t('quota')} – ${w('after')}`, t('projected'), `${t('status')} – ${w('before')}`, `${t('status')} – ${w('after')}`]
          .map((c, i) => h('th', { scope: 'col', class: i >= 2 && i <= 4 ? 'num' : undefined, text: c })))),
        h('tbody', {}, comparison.changes.map((c) => h('tr', {},
          h('th', { scope: 'row', text: administrativeName(c) }),
          h('td', { text: t('levels')[c.level] ?? c.level }),
          h('td', { class: 'num', text: num(c.quotaBefore) }),
          h('td', { class: 'num delta', text: num(c.quotaAfter) }),
          h('td', { class: 'num', text: c.projectedBefore === c.projectedAfter ? num(c.projectedAfter) : `${num(c.projectedBefore)} → ${num(c.projectedAfter)}` }),
          h('td', {}, statusBadge(c.statusBefore)),
          h('td', {}, statusBadge(c.statusAfter))))))),
      comparison.truncated ? h('p', { class: 'muted', text: w('truncated') }) : null,
    ]);
}

function compareSection(report) {
  const s = report.scenario;
  const others = current.list.filter((o) => o.id !== s.id && o.rootUnitId === s.rootUnitId && o.year === s.year);
  if (others.length === 0) return null;
  const select = h('select', {
    'data-focus-key': 'compare',
    onchange: (event) => go(current.id, current.unit, event.target.value || undefined),
  }, h('option', { value: '', text: w('compareNone') }), others.map((o) => h('option', { value: o.id, selected: o.id === current.compareTo, text: `${o.name} (${o.author})` })));
  return h('section', { class: 'card' }, h('div', { class: 'fields' }, field('compare-to', w('compareWith'), select)));
}

function editsSection(report) {
  const list = () => (report.edits.length === 0 ? h('p', { class: 'muted', text: w('noEdits') }) : h('ol', { reversed: true },
    report.edits.map((e) => h('li', {},
      `${words[lang].editTypes[e.edit.type]?.(e.edit, nameOf) ?? e.description} · ${w('changed', num(e.changes.length))} · ${e.by} · ${dateTime(e.at)}`))));
  const body = h('div', {}, list());
  // An edit may name a unit no longer on screen (an earlier focus, a unit since put back): look its name up once.
  const unknown = [...new Set(report.edits.flatMap((e) => [e.edit.unitId, e.edit.fromUnitId, e.edit.toUnitId]))].filter((id) => id && !names.has(id));
  if (unknown.length) {
    Promise.all(unknown.map((id) => get(`api/units/${encodeURIComponent(id)}`).then((u) => names.set(id, administrativeName(u))).catch(() => names.set(id, id))))
      .then(() => replace(body, list()));
  }
  return h('section', { class: 'card', 'aria-labelledby': 'edits-h', 'data-testid': 'edits' }, h('h2', { id: 'edits-h', text: w('edits') }), body);
}

// ---- routing ----

async function route() {
  const mine = ++generation;
  renderChrome();
  if (!me) {
    me = await identify().catch(() => null);
    renderChrome();
  }
  if (!me) {
    replace(main, h('section', { class: 'card signin' }, h('p', { text: w('signInFirst') }), h('p', {}, h('a', { class: 'button', href: './', text: w('goSignIn') }))));
    return;
  }
  const target = parseHash();
  try {
    if (target.id) await scenarioPage(target); else await listPage();
    // Drilling to another unit opens it at its top; an edit, a comparison or the language keeps the place.
    const key = `${target.id ?? ''}/${target.unit ?? ''}`;
    if (mine === generation && key !== shownPage) window.scrollTo(0, 0);
    shownPage = key;
  } catch (error) {
    if (mine !== generation) return;
    const text = error.status === 403 ? t('forbidden') : error.status === 404 ? t('notFound') : `${t('error')}: ${error.message}`;
    replace(main, h('section', { class: 'card error', role: 'alert' },
      h('h1', { text }), error.problem?.detail ? h('p', { class: 'muted', text: error.problem.detail }) : null,
      h('p', {}, h('a', { href: '#/', class: 'button', text: w('back') }))));
  }
  if (mine === generation && document.activeElement === document.body) main.focus({ preventScroll: true });
}

document.getElementById('lang-switch').addEventListener('click', () => { setLang(lang === 'vi' ? 'en' : 'vi'); route(); });
document.getElementById('sign-out').addEventListener('click', () => {
  session.token = '';
  session.anonymous = false;
  location.href = './';
});
window.addEventListener('hashchange', route);
wireSearch(() => me, (id) => { location.href = `./#/unit/${encodeURIComponent(id)}`; });
route();
