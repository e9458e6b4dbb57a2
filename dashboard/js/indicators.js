import { request, unitUrl, ApiError } from './api.js';
import { h, replace, replaceKeepingFocus } from './dom.js';
import { t, num, pct } from './i18n.js';
import { download } from './export.js';
import { compareNames, primaryName, secondaryName } from './names.js';
import { indicatorEditor } from './indicator-form.js';
import { indicatorUpload } from './indicator-upload.js';

// The silo sends shares as percents (3.45 means 3.45 %); the page formats ratios.
const share = (percent, digits) => pct(percent === null || percent === undefined ? null : percent / 100, digits);

/** A target as the resolution wrote it: 90 % stays "90%", 3.85 % keeps its two decimals. */
const targetShare = (percent) => share(percent, Math.min(2, (String(percent).split('.')[1] ?? '').length));

const ratioTo = (value, target) => (target > 0 ? value / target : 1);

/** A target's value as a phrase ("3,85%", "không quá 2 tổ") and its line on a card; null both when there is none. */
function targetOf(target, phrase, line) {
  if (target === null || target === undefined) return { target: null, targetValue: null, targetText: null };
  const value = phrase(target);
  return { target, targetValue: value, targetText: line ?? t('indTarget', value) };
}

/** Met, not met, no target, or nothing to measure: the marks every indicator carries, on the cards and in the table. */
function stateOf(measurable, target, met) {
  if (!measurable) return 'empty';
  if (target === null || target === undefined) return 'none';
  if (met === true) return 'met';
  return met === false ? 'unmet' : 'empty';
}

/**
 * The four indicators, each read from a unit's indicators: the figure, what it is out of, the target and how far the
 * figure has come towards it (1 = reached), and whether the silo counts it met.
 */
const INDICATORS = [
  {
    key: 'membersPerPopulation', label: 'indMembersShare', column: 'indColMembers', lagFirst: 1, sharedTarget: 'membersPerPopulationPercent',
    sortValue: (i) => i.membersPerPopulationPercent,
    read(i) {
      const target = i.targets?.membersPerPopulationPercent;
      const measurable = i.membersPerPopulationPercent !== null && i.membersPerPopulationPercent !== undefined;
      return {
        measurable, met: i.membersPerPopulationMet,
        value: measurable ? share(i.membersPerPopulationPercent, 2) : '–',
        detail: measurable ? t('indMembersDetail', num(i.members), num(i.population)) : t('indNoPopulation'),
        brief: measurable ? `${num(i.members)} / ${num(i.population)}` : t('indNotEntered'),
        ...targetOf(target, targetShare),
        progress: measurable ? ratioTo(i.membersPerPopulationPercent, target) : 0,
      };
    },
  },
  {
    key: 'groupsWithoutMembers', label: 'indGroupsWithout', column: 'indColGroups', lagFirst: -1,
    sortValue: (i) => (i.residentialGroups > 0 ? i.groupsWithoutMembers : null),
    read(i) {
      const target = i.targets?.groupsWithoutMembers;
      const groups = i.residentialGroups;
      const measurable = groups > 0;
      // Fewer is better here: the bar fills with the groups that have a member, full once no more lack one than the target allows.
      const covered = groups - i.groupsWithoutMembers;
      const required = groups - (target ?? 0);
      return {
        measurable, met: i.groupsWithoutMembersMet,
        value: measurable ? num(i.groupsWithoutMembers) : '–',
        detail: measurable ? t('indGroupsDetail', num(i.groupsWithoutMembers), num(groups)) : t('indNoGroups'),
        brief: measurable ? t('indOf', num(groups)) : t('indNotEntered'),
        ...targetOf(target, (n) => t('indAtMost', num(n)), target === 0 ? t('indTargetNone') : undefined),
        progress: required > 0 ? covered / required : 1,
        progressText: t('indCovered', num(covered), num(groups)),
      };
    },
  },
  {
    key: 'leaderShare', label: 'indLeaderShare', column: 'indColLeaders', lagFirst: 1, sharedTarget: 'leaderSharePercent',
    sortValue: (i) => i.leaderSharePercent,
    read(i) {
      const target = i.targets?.leaderSharePercent;
      const measurable = i.leaderSharePercent !== null && i.leaderSharePercent !== undefined;
      return {
        measurable, met: i.leaderShareMet,
        value: measurable ? share(i.leaderSharePercent, 1) : '–',
        detail: measurable ? t('indLeadersDetail', num(i.leadersWhoAreMembers), num(i.groupLeaders)) : t('indNoLeaders'),
        brief: measurable ? `${num(i.leadersWhoAreMembers)}/${num(i.groupLeaders)}` : t('indNotEntered'),
        ...targetOf(target, targetShare),
        progress: measurable ? ratioTo(i.leaderSharePercent, target) : 0,
      };
    },
  },
  {
    key: 'youthUnionIntroductions', label: 'indYouth', column: 'indColYouth', lagFirst: 1,
    sortValue: (i) => i.youthUnionIntroductions,
    read(i, year) {
      const target = i.targets?.youthUnionIntroductions;
      // Counted from the candidate register, so there is always a figure, even where nothing else is entered.
      return {
        measurable: true, met: i.youthUnionIntroductionsMet,
        value: num(i.youthUnionIntroductions),
        detail: t('indYouthDetail', year),
        brief: target === null || target === undefined ? '' : t('indTargetBrief', num(target)),
        ...targetOf(target, (n) => t('indCandidates', num(n))),
        progress: ratioTo(i.youthUnionIntroductions, target),
      };
    },
  },
];

function bar(progress, state) {
  const width = Math.max(0, Math.min(1, progress)) * 100;
  return h('span', { class: `progress ${state === 'met' ? 'onTrack' : 'behind'}`, 'aria-hidden': 'true' }, h('span', { style: `width:${width.toFixed(1)}%` }));
}

const STATE_CLASS = { met: 'onTrack', unmet: 'behind', none: 'noQuota', empty: 'noQuota' };
const stateBadge = (state) => h('span', { class: `status ${STATE_CLASS[state]}`, 'data-testid': 'ind-state' }, t('indStates')[state]);

function card(indicator, i, year) {
  const r = indicator.read(i, year);
  const state = stateOf(r.measurable, r.target, r.met);
  const reached = state === 'met' || state === 'unmet';
  return h('div', { class: `ind-card ${state}`, 'data-testid': `ind-${indicator.key}`, 'data-state': state },
    h('div', { class: 'ind-card-head' }, h('h3', { text: t(indicator.label) }), stateBadge(state)),
    h('p', { class: 'ind-value', 'data-testid': 'ind-value', text: r.value }),
    h('p', { class: 'ind-detail', 'data-testid': 'ind-detail', text: r.detail }),
    r.targetText ? h('p', { class: 'ind-target', 'data-testid': 'ind-target', text: r.targetText }) : null,
    reached ? h('div', { class: 'ind-progress', 'data-testid': 'ind-progress' },
      bar(r.progress, state), h('p', { text: r.progressText ?? t('indOfTarget', pct(r.progress, 0)) })) : null);
}

/** What the shares are taken of: the population and the members, and how many units the figures come from. */
function base(i) {
  return h('p', { class: 'ind-base', 'data-testid': 'ind-base' },
    h('span', {}, `${t('indPopulation')}: `, h('strong', { 'data-testid': 'ind-population', text: i.population > 0 ? t('indPeople', num(i.population)) : t('indNotEntered') })),
    h('span', { title: t('indMembersHelp') }, `${t('indMembers')}: `, h('strong', { 'data-testid': 'ind-members', text: num(i.members) })),
    h('span', { class: 'ind-reporting', 'data-testid': 'ind-reporting', title: t('indReportingHelp') },
      i.reporting > 0 ? t('indReporting', num(i.reporting), i.reporting) : t('indReportingNone')));
}

// Sorting survives live updates and navigation, as the children table's does.
const sort = { key: 'name', dir: 1 };

const COLUMNS = [{ key: 'name', label: () => t('name'), text: true }, ...INDICATORS.map((c) => ({ key: c.key, label: () => t(c.column), indicator: c }))];

function sortedChildren(children) {
  const column = COLUMNS.find((c) => c.key === sort.key) ?? COLUMNS[0];
  if (column.text) return [...children].sort((a, b) => sort.dir * compareNames(primaryName(a), primaryName(b)));
  // Units without the figure stay at the bottom whichever way the column runs.
  const value = (c) => (c.indicators ? column.indicator.sortValue(c.indicators) : null) ?? null;
  return [...children].sort((a, b) => {
    const x = value(a), y = value(b);
    if (x === null || y === null) return (x === null) - (y === null) || compareNames(primaryName(a), primaryName(b));
    return sort.dir * (x - y) || compareNames(primaryName(a), primaryName(b));
  });
}

/**
 * A child's figure marked against its own target; the shares, where it has none, against the unit's, since a share
 * the resolution sets holds for every part of the organisation. Counts add up across the children, so a child's
 * count is weighed against its own target only.
 */
function childCell(indicator, child, view) {
  const i = child.indicators;
  const r = indicator.read(i, view.year);
  let target = r.target;
  let met = r.met;
  let said = target === null ? '' : t('indOwnTargetOf', r.targetValue);
  const inherited = indicator.sharedTarget ? view.indicators?.targets?.[indicator.sharedTarget] : null;
  if (target === null && r.measurable && inherited !== null && inherited !== undefined) {
    target = inherited;
    met = indicator.sortValue(i) >= inherited;
    said = t('indParentTargetOf', targetShare(inherited), primaryName(view));
  }
  const state = stateOf(r.measurable, target, met);
  const mark = state === 'met' ? '✓' : state === 'unmet' ? '✗' : '';
  return h('td', { class: `num ind-cell ${state}`, 'data-testid': `ind-child-${indicator.key}`, 'data-state': state, 'data-label': t(indicator.column), title: said || undefined },
    h('span', {},
      // A figure not entered reads as such, rather than as a dash beside a note that says so.
      h('span', { class: 'ind-fig', 'data-testid': 'ind-child-value' }, r.measurable ? r.value : t('indNotEntered'), mark ? h('span', { class: 'ind-mark', 'aria-hidden': 'true', text: ` ${mark}` }) : null),
      state === 'met' || state === 'unmet' ? h('span', { class: 'sr-only', text: ` ${t('indStates')[state]}. ${said}` }) : null,
      r.measurable && r.brief ? h('span', { class: 'ind-sub', text: r.brief }) : null));
}

function childrenTable(view, rerender) {
  const children = view.children ?? [];
  if (!children.length) return null;
  const entered = children.filter((c) => c.indicators?.reporting > 0).length;
  // Units with nothing at all below them would be rows of blanks: they are named together under the table instead.
  const listed = children.filter((c) => c.indicators);
  const missing = children.filter((c) => !c.indicators).sort((a, b) => compareNames(primaryName(a), primaryName(b)));
  const header = COLUMNS.map((c) => {
    const active = sort.key === c.key;
    return h('th', { scope: 'col', 'aria-sort': active ? (sort.dir > 0 ? 'ascending' : 'descending') : 'none', class: c.text ? '' : 'num' },
      h('button', {
        type: 'button', class: 'sort', 'data-focus-key': `ind-sort-${c.key}`, 'aria-label': t('sortBy', c.label()),
        // A first click puts the units that lag at the top: the lowest shares, the most groups with no member.
        onclick: () => { sort.dir = active ? -sort.dir : c.text ? 1 : c.indicator.lagFirst; sort.key = c.key; rerender(); },
      }, c.label(), h('span', { class: 'arrow', 'aria-hidden': 'true', text: active ? (sort.dir > 0 ? ' ▲' : ' ▼') : ' ↕' })));
  });
  const link = (c) => h('a', { href: `#/unit/${encodeURIComponent(c.id)}?year=${view.year}`, 'data-focus-key': `ind-unit-${c.id}`, text: primaryName(c) });
  const rows = sortedChildren(listed).map((c) => h('tr', { 'data-unit': c.id },
    h('th', { scope: 'row' }, link(c), secondaryName(c) ? h('span', { class: 'admin-name', text: secondaryName(c) }) : null),
    INDICATORS.map((indicator) => childCell(indicator, c, view))));
  return [
    h('h3', { id: 'ind-children-h', text: t('indChildren') }),
    h('p', { class: 'muted ind-children-count', 'data-testid': 'ind-children-reporting', text: t('indChildrenReporting', num(entered), num(children.length)) }),
    listed.length ? h('div', { class: 'table-wrap' }, h('table', { class: 'data ind-table', 'data-testid': 'ind-children', 'aria-labelledby': 'ind-children-h' },
      h('thead', {}, h('tr', {}, header)), h('tbody', {}, rows))) : null,
    missing.length ? h('p', { class: 'ind-missing', 'data-testid': 'ind-children-missing' },
      h('strong', { text: t('indChildrenMissing', num(missing.length)) }), ' ',
      missing.map((c, index) => [index ? ', ' : '', link(c)])) : null,
  ];
}

/** The silo's CSV of the unit and its children, fetched with the token and saved under a name that says which. */
async function downloadCsv(view, semicolon, status) {
  status.textContent = '';
  try {
    const query = `?year=${view.year}${semicolon ? '&separator=semicolon' : ''}`;
    const response = await request(unitUrl(view.id, `/indicators.csv${query}`), { raw: true, headers: { Accept: 'text/csv' } });
    if (!response.ok) throw new ApiError(response.status, await response.json().catch(() => null));
    download(await response.blob(), `indicators-${view.id}-${view.year}${semicolon ? '-excel-vn' : ''}.csv`);
  } catch (error) {
    status.textContent = error.message;
  }
}

// A board enters the figures of its own unit and of those below it; the silo decides in the end, this only leaves out
// a form that could not be saved. A former unit's figures are kept as they were.
const mayEdit = (view, viewer, path) => viewer?.role === 'board' && !view.lastDay && Boolean(viewer.unitId)
  && (viewer.unitId === view.id || path.some((p) => p.id === viewer.unitId));

/**
 * The indicators the resolutions set, on every unit's page: the four figures against the unit's targets, the
 * population they are measured by, each child's figures so a board sees who lags, the CSV, and for a board the form
 * that enters the unit's own figures and targets and the upload that enters many units' at once. The form keeps what
 * is being typed while live updates redraw the rest.
 */
export function indicatorSection(view, { viewer, path = [], refresh }) {
  let current = view;
  const status = h('p', { class: 'form-status bad', role: 'alert', 'data-testid': 'ind-download-status' });
  const board = mayEdit(view, viewer, path);
  const editor = board ? indicatorEditor(view, refresh) : null;
  const upload = board ? indicatorUpload(view, refresh) : null;
  const summary = h('div', { class: 'ind-summary' });
  const children = h('div', { class: 'ind-children' });
  const node = h('section', { class: 'card indicators', 'aria-labelledby': 'ind-h', 'data-testid': 'indicators' },
    h('div', { class: 'ind-head' },
      h('h2', { id: 'ind-h', text: t('indTitle', view.year) }),
      h('div', { class: 'ind-tools no-print' },
        h('button', { type: 'button', 'data-testid': 'ind-csv', onclick: () => downloadCsv(current, false, status) }, t('indCsv')),
        h('button', { type: 'button', 'data-testid': 'ind-csv-semicolon', title: t('exportCsvSemicolonHelp'), onclick: () => downloadCsv(current, true, status) }, t('indCsvSemicolon')),
        editor?.toggle)),
    status,
    summary,
    editor?.node,
    children,
    upload?.node);

  function draw() {
    const i = current.indicators;
    replace(summary, i ? [base(i), h('div', { class: 'ind-cards' }, INDICATORS.map((c) => card(c, i, current.year)))] : null);
    replaceKeepingFocus(children, childrenTable(current, draw));
    editor?.update(current);
    upload?.update(current);
  }

  return {
    node,
    update(next) {
      current = next;
      draw();
    },
  };
}
