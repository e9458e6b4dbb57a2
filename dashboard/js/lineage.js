import { get, unitUrl } from './api.js';
import { h, replace } from './dom.js';
import { t, num, date, levelName } from './i18n.js';

const link = (u, year) => h('a', { href: `#/unit/${encodeURIComponent(u.id)}?year=${year}`, 'data-unit': u.id, text: u.name });

/**
 * Where a unit's figures came from across a restructuring: a new unit lists the former units it was formed from with
 * what each recorded that year; a former unit says its last day and the units it went into. Nothing for other units.
 */
export function lineageSection(view) {
  const predecessors = view.predecessors ?? [];
  const successors = view.successors ?? [];
  if (view.lastDay) {
    return h('section', { class: 'card lineage', 'data-testid': 'former-unit', 'aria-labelledby': 'lineage-h' },
      h('h2', { id: 'lineage-h', text: t('formerUnit', date(view.lastDay)) }),
      successors.length
        ? h('p', {}, t('wentInto'), ' ', ...successors.flatMap((s, i) => [i ? ', ' : '', link(s, view.year)]))
        : null);
  }

  if (!predecessors.length) return null;
  const body = h('tbody', {}, predecessors.map((p) => h('tr', { 'data-unit': p.id },
    h('th', { scope: 'row' }, link(p, view.year)),
    h('td', { text: levelName(p) }),
    h('td', { text: date(p.lastDay) }),
    h('td', { class: 'num', 'data-cell': 'admitted', text: '…' }))));
  const section = h('section', { class: 'card lineage', 'data-testid': 'predecessors', 'aria-labelledby': 'lineage-h' },
    h('h2', { id: 'lineage-h', text: t('formedFrom') }),
    h('p', { class: 'muted', text: t('formedFromHelp') }),
    h('div', { class: 'table-wrap' }, h('table', { class: 'data' },
      h('thead', {}, h('tr', {}, [t('name'), t('level'), t('lastDay'), t('admittedThere', view.year)].map((c, i) => h('th', { scope: 'col', class: i === 3 ? 'num' : undefined, text: c })))),
      body)));
  // Each former unit's own figures for the year; one that cannot be read keeps its dash.
  predecessors.forEach(async (p) => {
    const cell = body.querySelector(`tr[data-unit="${CSS.escape(p.id)}"] [data-cell="admitted"]`);
    try {
      const former = await get(unitUrl(p.id, `?year=${view.year}`));
      replace(cell, num(former.admitted));
    } catch {
      replace(cell, '–');
    }
  });
  return section;
}
