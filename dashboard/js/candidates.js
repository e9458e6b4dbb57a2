import { h } from './dom.js';
import { t, num } from './i18n.js';
import { barGroup } from './charts.js';

/** The stages in the order of the procedure; a case can be dropped at any of them, so dropped comes last, apart. */
export const STAGES = ['introduced', 'course', 'verified', 'resolution', 'decision', 'admitted', 'probationary', 'official', 'dropped'];
export const INTRODUCERS = ['youthUnion', 'massOrganisation', 'members'];

export const stageName = (stage) => t('candStages')[stage] ?? stage;

/**
 * A unit's candidate sources: how many are at each stage now, who introduced this year's, how many cases are late,
 * and the year-end forecast beside the one that counts the candidates already past the branch resolution, so a board
 * sees how much the sources could still change it.
 */
export function candidateSummary(v) {
  const pipeline = v.pipeline ?? {};
  const atStage = v.candidates ?? pipeline.atStage ?? {};
  const introduced = v.introducedBy ?? pipeline.introducedBy ?? {};
  const overdue = v.overdue ?? pipeline.overdue ?? 0;
  const projected = pipeline.projected ?? v.projected;
  const withSources = pipeline.projectedWithCandidates ?? projected;
  const past = pipeline.pastResolution ?? 0;
  const introducedTotal = INTRODUCERS.reduce((n, k) => n + (introduced[k] ?? 0), 0);
  const notes = [past > 0 ? t('candForecastHelp', num(past)) : null,
    v.quota > 0 ? t('candForecastQuota', num(v.quota), withSources >= v.quota) : null].filter(Boolean);

  return [
    h('h2', { id: 'cand-h', text: t('candTitle') }),
    h('p', { class: 'cand-forecast', 'data-testid': 'cand-forecast', text: t('candForecast', num(projected), num(withSources)) }),
    notes.length ? h('p', { class: 'muted cand-note', text: notes.join(' ') }) : null,
    h('figure', { class: 'cand-stages' },
      h('figcaption', { text: t('candStagesNow') }),
      h('ol', { class: 'cand-stage-list', 'data-testid': 'cand-stages' }, STAGES.map((stage) => h('li', { 'data-stage': stage },
        h('span', { class: 'cand-count', 'data-testid': `cand-stage-${stage}`, text: num(atStage[stage] ?? 0) }),
        h('span', { class: 'cand-label', text: stageName(stage) }))))),
    h('div', { class: 'cand-side' },
      h('div', { class: `kpi cand-overdue${overdue > 0 ? ' late' : ''}`, 'data-testid': 'cand-overdue' },
        h('p', { class: 'kpi-label', text: t('candOverdue') }),
        h('p', { class: 'kpi-value', text: num(overdue) }),
        h('p', { class: 'kpi-detail', text: t('candOverdueHelp') })),
      barGroup(t('candIntroducedIn', v.year), INTRODUCERS.map((k) => ({ label: t('candIntroducers')[k], value: introduced[k] ?? 0 })), introducedTotal),
      h('p', { class: 'muted cand-outcomes', text: t('candOutcomes', v.year, num(pipeline.becameOfficial ?? 0), num(pipeline.notConfirmed ?? 0), num(pipeline.dropped ?? 0)) })),
  ];
}

// A child without candidates sends null: it sorts below a child with none open, and shows a dash.
const figure = (c, key) => c.candidates?.[key] ?? -1;

/** The children table's columns for the sources, sortable like the others. */
export const candidateColumns = [
  { key: 'candOpen', label: () => t('candOpen'), class: 'cand-col', value: (c) => figure(c, 'open') },
  { key: 'candPastResolution', label: () => t('candPastResolution'), class: 'cand-col', value: (c) => figure(c, 'pastResolution') },
  { key: 'candOverdue', label: () => t('candOverdueShort'), class: 'cand-col', value: (c) => figure(c, 'overdue') },
];

export function candidateCells(c) {
  const s = c.candidates;
  const late = (s?.overdue ?? 0) > 0;
  return [
    h('td', { class: 'num cand-col', 'data-testid': 'child-cand-open', text: num(s?.open) }),
    h('td', { class: 'num cand-col', 'data-testid': 'child-cand-past', text: num(s?.pastResolution) }),
    h('td', { class: `num cand-col${late ? ' cand-late' : ''}`, 'data-testid': 'child-cand-overdue', text: num(s?.overdue) }),
  ];
}

/**
 * The same figures as one line under the child's name, for a phone: the table has no room for three more columns
 * there, so they give way to this line, as the projection gives way to the status.
 */
export function candidateBrief(c) {
  const s = c.candidates;
  if (!s?.open && !s?.overdue) return null;
  // Each figure keeps its words together, so a narrow name column wraps between them, never inside one.
  return h('span', { class: 'cand-brief', 'data-testid': 'child-cand-brief' },
    h('span', { text: t('candBriefOpen', num(s.open)) }), ' ',
    h('span', { text: t('candBriefPast', num(s.pastResolution)) }),
    s.overdue ? [' ', h('span', { class: 'cand-late', text: t('candBriefLate', num(s.overdue)) })] : null);
}
