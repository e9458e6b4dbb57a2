import { get, unitUrl } from './api.js';
import { h, replace, replaceKeepingFocus, announce } from './dom.js';
import { t, num, pct, dec, dateTime, date, levelName, childrenHeading } from './i18n.js';
import { barGroup, progressChart } from './charts.js';
import { exportButtons } from './export.js';
import { follow } from './live.js';
import { lineageSection } from './lineage.js';

const COLUMNS = [
  { key: 'name', label: () => t('name'), value: (c) => c.name, text: true },
  { key: 'quota', label: () => t('quota'), value: (c) => c.quota },
  { key: 'admitted', label: () => t('admitted'), value: (c) => c.admitted },
  { key: 'progress', label: () => t('progress'), value: (c) => c.progress ?? -1 },
  { key: 'projected', label: () => t('projected'), value: (c) => c.projected },
  { key: 'status', label: () => t('status'), value: (c) => ['behind', 'atRisk', 'onTrack', 'noQuota'].indexOf(c.status) },
];

// Sorting survives live updates and navigation between units.
const sort = { key: 'name', dir: 1 };
const collator = () => new Intl.Collator('vi');

export const statusBadge = (status) => h('span', { class: `status ${status ?? 'noQuota'}` }, t('statuses')[status] ?? status);

/** The unit page: the same view at every level, updated in place from the unit's stream. */
export async function unitPage(main, { id, year }, extras) {
  const [view, path] = await Promise.all([
    get(unitUrl(id, year ? `?year=${year}` : '')),
    get(unitUrl(id, '/path')).catch(() => []),
  ]);
  let current = view;
  const sections = {
    kpis: h('section', { class: 'kpis', 'aria-label': t('overview') }),
    children: h('section', { class: 'card children' }),
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
  const rows = () => childRows(current);
  const title = h('h1', { 'data-testid': 'unit-name' }, view.name);
  const yearSelect = h('select', { id: 'year', onchange: (e) => { location.hash = `#/unit/${encodeURIComponent(id)}?year=${e.target.value}`; } },
    [0, 1, 2].map((back) => { const y = new Date().getFullYear() - back; return h('option', { value: y, selected: y === view.year }, y); }));

  replace(main,
    breadcrumb(path, view),
    h('div', { class: 'page-head' },
      h('div', {}, h('p', { class: 'level', text: levelName(view) }), title),
      h('div', { class: 'head-tools' },
        h('label', { for: 'year' }, t('year'), ' ', yearSelect),
        live.indicator,
        h('a', { class: 'button no-print', href: `#/report/${encodeURIComponent(id)}` }, t('openReport')),
        exportButtons(h, t, `${view.id}-${view.year}`, rows, view.name))),
    lineageSection(view),
    sections.kpis,
    view.level === 'branch' ? null : sections.children,
    h('div', { class: 'grid-2' }, sections.chart, sections.feed),
    sections.breakdown,
    extras?.(view));

  function render() {
    replaceKeepingFocus(sections.kpis, kpis(current));
    replaceKeepingFocus(sections.children, childrenTable(current, render));
    replace(sections.chart, progressChart(current));
    replace(sections.breakdown, breakdown(current));
    replace(sections.feed, feed(current));
  }
  render();
  return () => live.close();
}

function breadcrumb(path, view) {
  const items = path.length ? path : [{ id: view.id, name: view.name, level: view.level }];
  return h('nav', { class: 'breadcrumb', 'aria-label': t('breadcrumb') },
    h('ol', {}, items.map((p, i) => h('li', {}, i === items.length - 1
      ? h('span', { 'aria-current': 'page', text: p.name })
      : h('a', { href: `#/unit/${encodeURIComponent(p.id)}?year=${view.year}`, text: p.name })))));
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
    kpi(t('quota'), num(v.quota), v.childrenQuota ? `${t('childrenSum')}: ${num(v.childrenQuota)}` : null, 'kpi-quota'),
    kpi(t('admitted'), num(v.admitted), `${t('lastYearSame')}: ${num(lastYear.admitted)}`, 'kpi-admitted'),
    kpi(t('progress'), pct(v.progress), progressBar(v.progress, v.status), 'kpi-progress'),
    kpi(t('projected'), num(v.projected), h('span', {}, statusBadge(v.status), ' ', v.quota > 0 ? (meets ? t('meets') : t('misses')) : ''), 'kpi-projected'),
    kpi(t('members'), num(v.membersAtStart), null, 'kpi-members'),
    kpi(t('rate'), `${pct(rate, 2)} ${rateNote}`, t('rateTarget'), 'kpi-rate'),
    kpi(t('daysElapsed'), num(v.daysElapsed), t('ofDays', num(v.daysElapsed), num(v.daysInYear)), 'kpi-days'),
  ];
}

export function progressBar(ratio, status) {
  const value = Math.max(0, Math.min(1, ratio ?? 0));
  return h('span', { class: `progress ${status ?? ''}`, 'aria-hidden': 'true' }, h('span', { style: `width:${(value * 100).toFixed(1)}%` }));
}

function sortedChildren(children) {
  const column = COLUMNS.find((c) => c.key === sort.key) ?? COLUMNS[0];
  const compare = collator().compare;
  return [...children].sort((a, b) => sort.dir * (column.text ? compare(column.value(a), column.value(b)) : column.value(a) - column.value(b)));
}

function childrenTable(v, rerender) {
  const heading = h('h2', { text: `${childrenHeading(v.children)} (${num(v.children?.length ?? 0)})` });
  if (!v.children?.length) return [heading, h('p', { class: 'muted', text: t('noChildren') })];
  const header = COLUMNS.map((c) => {
    const active = sort.key === c.key;
    return h('th', { scope: 'col', 'aria-sort': active ? (sort.dir > 0 ? 'ascending' : 'descending') : 'none', class: c.text ? '' : 'num' },
      h('button', {
        type: 'button', class: 'sort', 'data-focus-key': `sort-${c.key}`, 'aria-label': t('sortBy', c.label()),
        onclick: () => { sort.dir = active ? -sort.dir : c.text ? 1 : -1; sort.key = c.key; rerender(); },
      }, c.label(), h('span', { class: 'arrow', 'aria-hidden': 'true', text: active ? (sort.dir > 0 ? ' ▲' : ' ▼') : ' ↕' })));
  });
  const body = sortedChildren(v.children).map((c) => h('tr', { 'data-unit': c.id },
    h('th', { scope: 'row' }, h('a', { href: `#/unit/${encodeURIComponent(c.id)}?year=${v.year}`, 'data-focus-key': `unit-${c.id}`, text: c.name })),
    h('td', { class: 'num', text: num(c.quota) }),
    h('td', { class: 'num', 'data-testid': 'child-admitted', text: num(c.admitted) }),
    h('td', { class: 'num progress-cell' }, progressBar(c.progress, c.status), h('span', { text: pct(c.progress, 0) })),
    h('td', { class: 'num', text: num(c.projected) }),
    h('td', {}, statusBadge(c.status))));
  return [heading, h('div', { class: 'table-wrap' }, h('table', { class: 'data', 'data-testid': 'children' },
    h('thead', {}, h('tr', {}, header)), h('tbody', {}, body)))];
}

export function childRows(v) {
  return [
    [t('name'), levelName(v), t('quota'), t('admitted'), t('progress'), t('projected'), t('status')],
    [v.name, '', v.quota, v.admitted, v.progress === null ? '' : Math.round(v.progress * 1000) / 10, v.projected, t('statuses')[v.status] ?? ''],
    ...sortedChildren(v.children ?? []).map((c) => [c.name, levelName(c), c.quota, c.admitted,
      c.progress === null || c.progress === undefined ? '' : Math.round(c.progress * 1000) / 10, c.projected, t('statuses')[c.status] ?? c.status]),
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

function feed(v) {
  const items = v.recent ?? [];
  return [
    h('h2', { text: t('feed') }),
    items.length
      ? h('ol', { class: 'feed-list', 'data-testid': 'feed' }, items.slice(0, 12).map((f) => h('li', {},
        h('span', { class: 'feed-unit', text: f.branchName }),
        h('time', { datetime: f.recordedAt, text: `${date(f.admittedOn)} · ${dateTime(f.recordedAt)}` }))))
      : h('p', { class: 'muted', text: t('feedEmpty') }),
  ];
}
