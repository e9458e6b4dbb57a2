import { get, unitUrl } from './api.js';
import { h, replace, replaceKeepingFocus, announce } from './dom.js';
import { t, num, pct, dec, dateTime, date, levelName, childrenHeading } from './i18n.js';
import { barGroup, progressChart } from './charts.js';
import { exportButtons, headingRow, percentCell } from './export.js';
import { follow } from './live.js';
import { compareNames, primaryName, secondaryName } from './names.js';
import { breadcrumb } from './breadcrumb.js';
import { letterhead, signatures, issuingOrganisation } from './print.js';
import { wardOf, rememberWard } from './wards.js';
import { lineageSection } from './lineage.js';
import { candidateSummary, candidateColumns, candidateCells, candidateBrief, STAGES } from './candidates.js';
import { closingSection, closingCell, closingSortValue } from './closing.js';
import { indicatorSection } from './indicators.js';

const COLUMNS = [
  { key: 'name', label: () => t('name'), value: (c) => primaryName(c), text: true },
  { key: 'quota', label: () => t('quota'), value: (c) => c.quota },
  { key: 'admitted', label: () => t('admitted'), value: (c) => c.admitted },
  { key: 'progress', label: () => t('progress'), value: (c) => c.progress ?? -1 },
  { key: 'projected', label: () => t('projected'), value: (c) => c.projected },
  { key: 'status', label: () => t('status'), value: (c) => ['behind', 'atRisk', 'onTrack', 'noQuota'].indexOf(c.status) },
  ...candidateColumns,
  { key: 'closing', label: () => t('closingColumn'), value: closingSortValue, class: 'closing-cell' },
];

// Sorting survives live updates and navigation between units.
const sort = { key: 'name', dir: 1 };

export const statusBadge = (status) => h('span', { class: `status ${status ?? 'noQuota'}` }, t('statuses')[status] ?? status);

/** The unit page: the same view at every level, updated in place from the unit's stream. */
export async function unitPage(main, { id, year, scope, issuer, viewer }, extras) {
  const [view, path] = await Promise.all([
    get(unitUrl(id, year ? `?year=${year}` : '')),
    get(unitUrl(id, '/path')).catch(() => []),
  ]);
  let current = view;
  const sections = {
    kpis: h('section', { class: 'kpis', 'aria-label': t('overview') }),
    children: h('section', { class: 'card children' }),
    candidates: h('section', { class: 'card candidates', 'aria-labelledby': 'cand-h', 'data-testid': 'candidates' }),
    chart: h('section', { class: 'card' }),
    breakdown: h('section', { class: 'card breakdown' }),
    feed: h('section', { class: 'card feed' }),
  };
  const live = follow(id, view.year, (next) => {
    if (next.year !== current.year || next.id !== current.id) return;
    current = next;
    render();
    announce(t('updated', num(next.admitted)));
  });
  // After closing, reopening or entering indicators, the page shows the answer at once rather than when the stream next brings it.
  const reload = async () => { current = await get(unitUrl(id, `?year=${current.year}`)); render(); };
  const closing = closingSection(viewer, reload);
  const indicators = indicatorSection(view, { viewer, path, refresh: reload });
  const rows = () => childRows(current);
  // The party organisation is the heading where the silo names it; the administrative unit stays beside it.
  const title = h('h1', { 'data-testid': 'unit-name' }, primaryName(view));
  const adminName = secondaryName(view) ? h('p', { class: 'admin-name', 'data-testid': 'unit-admin-name', text: secondaryName(view) }) : null;
  const yearSelect = h('select', { id: 'year', onchange: (e) => { location.hash = `#/unit/${encodeURIComponent(id)}?year=${e.target.value}`; } },
    [0, 1, 2].map((back) => { const y = new Date().getFullYear() - back; return h('option', { value: y, selected: y === view.year }, y); }));

  // A branch secretary comes to report: their form leads the page; a board's editor follows the figures it acts on.
  const extra = extras?.(view);
  const organisation = issuingOrganisation(path, view, issuer);
  const head = letterhead(organisation.name, organisation.parent);
  replace(main,
    head.node,
    breadcrumb(path.length ? path : [view], { scopeId: scope, href: (p) => `#/unit/${encodeURIComponent(p.id)}?year=${view.year}` }),
    h('div', { class: 'page-head' },
      h('div', {}, h('p', { class: 'level', text: levelName(view) }), title, adminName),
      h('div', { class: 'head-tools' },
        h('label', { for: 'year' }, t('year'), ' ', yearSelect),
        live.indicator,
        h('a', { class: 'button no-print', href: `#/report/${encodeURIComponent(id)}` }, t('openReport')),
        exportButtons(h, t, `${view.id}-${view.year}`, rows, t('sheetOverview')))),
    extra?.lead ? extra.node : null,
    lineageSection(view),
    closing.node,
    sections.kpis,
    view.level === 'branch' ? null : sections.children,
    sections.candidates,
    indicators.node,
    extra?.sources,
    h('div', { class: 'grid-2' }, sections.chart, sections.feed),
    sections.breakdown,
    extra?.lead ? null : extra?.node,
    signatures(organisation.name));

  function render() {
    replaceKeepingFocus(sections.kpis, kpis(current));
    replaceKeepingFocus(sections.children, childrenTable(current, render));
    replace(sections.candidates, candidateSummary(current));
    closing.update(current);
    indicators.update(current);
    replace(sections.chart, progressChart(current));
    replace(sections.breakdown, breakdown(current));
    replace(sections.feed, feed(current, () => replace(sections.feed, feed(current, () => {}))));
  }
  render();
  return () => { live.close(); head.close(); };
}


function kpi(label, value, detail, testId, cls) {
  return h('div', { class: `kpi ${cls ?? ''}`, 'data-testid': testId },
    h('p', { class: 'kpi-label', text: label }),
    h('p', { class: 'kpi-value', text: value }),
    detail ? h('p', { class: 'kpi-detail' }, detail) : null);
}

function kpis(v) {
  const meets = v.quota > 0 && v.projected >= v.quota;
  const rate = v.admissionRate;
  const rateNote = rate === null || rate === undefined ? '' : rate < 0.03 ? '↓' : rate > 0.04 ? '↑' : '✓';
  const lastYear = v.lastYear ?? {};
  return [
    kpi(t('quota'), num(v.quota), quotaDetail(v), 'kpi-quota'),
    kpi(t('admitted'), num(v.admitted), `${t('lastYearSame')}: ${num(lastYear.admitted)}`, 'kpi-admitted'),
    kpi(t('progress'), pct(v.progress), progressBar(v.progress, v.status), 'kpi-progress'),
    kpi(t('projected'), num(v.projected), h('span', {}, statusBadge(v.status), ' ', v.quota > 0 ? (meets ? t('meets') : t('misses')) : ''), 'kpi-projected'),
    kpi(t('members'), num(v.membersAtStart), null, 'kpi-members'),
    kpi(t('rate'), `${pct(rate, 2)} ${rateNote}`, t('rateTarget'), 'kpi-rate'),
    kpi(t('daysElapsed'), num(v.daysElapsed), t('ofDays', num(v.daysElapsed), num(v.daysInYear)), 'kpi-days'),
  ];
}

/** The children's quotas beside the unit's own, flagged when they no longer add up to it. */
function quotaDetail(v) {
  if (!v.children?.length || !v.childrenQuota) return null;
  const diff = v.childrenQuota - v.quota;
  const text = `${t('childrenSum')}: ${num(v.childrenQuota)}`;
  return diff === 0 ? text : h('span', { class: 'kpi-warn', 'data-testid': 'kpi-quota-mismatch' },
    `⚠ ${text} (${diff > 0 ? t('overAllocated', num(diff)) : t('underAllocated', num(-diff))})`);
}

export function progressBar(ratio, status) {
  const value = Math.max(0, Math.min(1, ratio ?? 0));
  return h('span', { class: `progress ${status ?? ''}`, 'aria-hidden': 'true' }, h('span', { style: `width:${(value * 100).toFixed(1)}%` }));
}

function sortedChildren(children) {
  const column = COLUMNS.find((c) => c.key === sort.key) ?? COLUMNS[0];
  return [...children].sort((a, b) => sort.dir * (column.text ? compareNames(column.value(a), column.value(b)) : column.value(a) - column.value(b)));
}

function childrenTable(v, rerender) {
  const heading = h('h2', { text: `${childrenHeading(v.children)} (${num(v.children?.length ?? 0)})` });
  if (!v.children?.length) return [heading, h('p', { class: 'muted', text: t('noChildren') })];
  const header = COLUMNS.map((c) => {
    const active = sort.key === c.key;
    return h('th', { scope: 'col', 'aria-sort': active ? (sort.dir > 0 ? 'ascending' : 'descending') : 'none', class: [c.text ? '' : 'num', c.class].filter(Boolean).join(' ') },
      h('button', {
        type: 'button', class: 'sort', 'data-focus-key': `sort-${c.key}`, 'aria-label': t('sortBy', c.label()),
        onclick: () => { sort.dir = active ? -sort.dir : c.text ? 1 : -1; sort.key = c.key; rerender(); },
      }, c.label(), h('span', { class: 'arrow', 'aria-hidden': 'true', text: active ? (sort.dir > 0 ? ' ▲' : ' ▼') : ' ↕' })));
  });
  const body = sortedChildren(v.children).map((c) => h('tr', { 'data-unit': c.id },
    h('th', { scope: 'row' }, h('a', { href: `#/unit/${encodeURIComponent(c.id)}?year=${v.year}`, 'data-focus-key': `unit-${c.id}`, text: primaryName(c) }),
      secondaryName(c) ? h('span', { class: 'admin-name', text: secondaryName(c) }) : null, candidateBrief(c), closingCell(c, v.year, { brief: true })),
    h('td', { class: 'num', text: num(c.quota) }),
    h('td', { class: 'num', 'data-testid': 'child-admitted', text: num(c.admitted) }),
    h('td', { class: 'num progress-cell' }, progressBar(c.progress, c.status), h('span', { text: pct(c.progress, 0) })),
    h('td', { class: 'num', text: num(c.projected) }),
    h('td', {}, statusBadge(c.status)),
    candidateCells(c),
    h('td', { class: 'num closing-cell' }, closingCell(c, v.year))));
  return [heading, h('div', { class: 'table-wrap' }, h('table', { class: 'data children-table', 'data-testid': 'children' },
    h('thead', {}, h('tr', {}, header)), h('tbody', {}, body)))];
}

/** The children's common level name ("Phường"), or the level's general word when they differ ("Quận/Huyện"). */
function childrenLevel(children) {
  const names = new Set(children.map((c) => levelName(c)));
  if (names.size === 1) return [...names][0];
  return t('levels')[children[0]?.level] ?? t('level');
}

// The stages of a case still open, from the introduction to probation, as the children's `candidates.open` counts them.
const OPEN_STAGES = STAGES.slice(0, STAGES.indexOf('probationary') + 1);

export function childRows(v) {
  // The second column holds the children's level, so it is named for it ("Quận/Huyện" under a province).
  const open = OPEN_STAGES.reduce((n, stage) => n + (v.candidates?.[stage] ?? 0), 0);
  return [
    headingRow([t('name'), childrenLevel(v.children ?? []), t('quota'), t('admitted'), t('progress'), t('projected'), t('status'),
      t('candOpen'), t('candPastResolution'), t('candOverdueShort')]),
    [primaryName(v), '', v.quota, v.admitted, percentCell(v.progress), v.projected, t('statuses')[v.status] ?? '',
      open, v.pipeline?.pastResolution ?? 0, v.overdue ?? 0],
    ...sortedChildren(v.children ?? []).map((c) => [primaryName(c), levelName(c), c.quota, c.admitted,
      percentCell(c.progress), c.projected, t('statuses')[c.status] ?? c.status,
      c.candidates?.open ?? 0, c.candidates?.pastResolution ?? 0, c.candidates?.overdue ?? 0]),
  ];
}

function breakdown(v) {
  const b = v.breakdown ?? {};
  const total = v.admitted;
  const named = (dict, names) => Object.entries(dict ?? {}).map(([key, value]) => ({ label: names?.[key] ?? key, value }));
  return [
    h('h2', { text: t('breakdown') }),
    h('div', { class: 'bar-grid' },
      barGroup(t('characteristics'), ['youthUnion', 'women', 'ethnicMinority', 'religious', 'privateBusinessOwner'].map((k) => ({ label: t(k), value: b[k] ?? 0 })), total),
      barGroup(t('age'), named(b.age), total, h('p', { class: 'muted', text: `${t('averageAge')}: ${dec(b.averageAge)}` })),
      barGroup(t('education'), named(b.education, t('educations')), total),
      barGroup(t('occupation'), named(b.occupation, t('occupations')), total)),
  ];
}

function feed(v, rerender) {
  const items = v.recent ?? [];
  const sameDay = (f) => f.recordedAt && date(f.recordedAt) === date(f.admittedOn);
  return [
    h('h2', { text: t('feed') }),
    items.length
      ? h('ol', { class: 'feed-list', 'data-testid': 'feed' }, items.slice(0, 12).map((f) => {
        if (v.level === 'ward') rememberWard(f.branchId, primaryName(v));
        const ward = wardOf(f.branchId, rerender);
        // One date when the admission was recorded the day it happened, with the time it was recorded.
        const when = sameDay(f) ? dateTime(f.recordedAt) : t('admittedRecorded', date(f.admittedOn), dateTime(f.recordedAt));
        return h('li', {},
          h('span', { class: 'feed-unit', text: f.branchName }),
          ward ? h('span', { class: 'feed-ward', 'data-testid': 'feed-ward', text: ward }) : null,
          h('time', { datetime: f.recordedAt, text: when }));
      }))
      : h('p', { class: 'muted', text: t('feedEmpty') }),
  ];
}
