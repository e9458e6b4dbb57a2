import { h, s } from './dom.js';
import { num, pct, t } from './i18n.js';

/** A titled group of bars; each row shows the label, a small SVG bar, the count and its share of the total. */
export function barGroup(title, items, total, extra) {
  const max = Math.max(1, ...items.map((i) => i.value));
  return h('figure', { class: 'bars' },
    h('figcaption', { text: title }),
    h('table', { class: 'bar-table' },
      h('tbody', {}, items.map((item) => h('tr', {},
        h('th', { scope: 'row', text: item.label }),
        h('td', { class: 'bar-cell' }, s('svg', { viewBox: '0 0 100 10', preserveAspectRatio: 'none', 'aria-hidden': 'true', class: 'bar' },
          s('rect', { x: 0, y: 0, width: 100, height: 10, class: 'bar-bg' }),
          s('rect', { x: 0, y: 0, width: (100 * item.value) / max, height: 10, class: 'bar-fg' }))),
        h('td', { class: 'num', text: num(item.value) }),
        h('td', { class: 'num muted', text: total ? pct(item.value / total, 0) : '–' }))))),
    extra);
}

const cumulative = (weekly) => weekly.reduce((acc, v) => { acc.push((acc.at(-1) ?? 0) + v); return acc; }, []);

/**
 * Cumulative admissions by week against the straight line to the quota, with last year's curve behind them.
 * Only weeks that have begun are drawn for the current year, so the curve does not fall flat into the future.
 */
export function progressChart(view) {
  const W = 640, H = 260, L = 48, R = 12, T = 12, B = 30;
  const weeks = Math.max(view.weekly?.length ?? 0, 52);
  const elapsedWeeks = Math.min(weeks, Math.ceil((view.daysElapsed ?? 0) / 7));
  const current = cumulative(view.weekly ?? []).slice(0, elapsedWeeks);
  const last = cumulative(view.lastYearWeekly ?? []);
  const yTicks = niceTicks(Math.max(view.quota || 0, current.at(-1) ?? 0, last.at(-1) ?? 0, 4));
  const yMax = yTicks.at(-1);
  const x = (w) => L + ((W - L - R) * w) / weeks;
  const y = (v) => T + (H - T - B) * (1 - v / yMax);
  const line = (values) => values.map((v, i) => `${i ? 'L' : 'M'}${x(i + 1).toFixed(1)},${y(v).toFixed(1)}`).join('');
  const grid = yTicks.map((v) => s('g', {}, s('line', { x1: L, x2: W - R, y1: y(v), y2: y(v), class: 'grid' }),
    s('text', { x: L - 6, y: y(v) + 4, 'text-anchor': 'end', class: 'axis y-tick', text: num(v) })));
  const ticks = [1, 13, 26, 39, 52].map((w) => s('text', { x: x(w), y: H - 10, 'text-anchor': 'middle', class: 'axis', text: `${t('week')} ${w}` }));
  const summary = t('chartSummary', num(current.at(-1) ?? 0), num(view.quota), elapsedWeeks);
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': summary, class: 'line-chart' },
    s('title', { text: summary }),
    grid, ticks,
    view.quota ? s('path', { d: `M${x(0)},${y(0)}L${x(weeks)},${y(view.quota)}`, class: 'target' }) : null,
    last.some((v) => v > 0) ? s('path', { d: line(last), class: 'last' }) : null,
    current.length ? s('path', { d: line(current), class: 'current' }) : null);
  return h('figure', { class: 'chart' },
    h('figcaption', { text: t('overTime') }),
    svg,
    h('ul', { class: 'legend' },
      h('li', { class: 'current' }, h('span', { class: 'swatch', 'aria-hidden': 'true' }), t('cumulative'), ` (${num(current.at(-1) ?? 0)})`),
      h('li', { class: 'target' }, h('span', { class: 'swatch', 'aria-hidden': 'true' }), t('target'), ` (${num(view.quota)})`),
      h('li', { class: 'last' }, h('span', { class: 'swatch', 'aria-hidden': 'true' }), t('lastYear'), ` (${num(last.at(-1) ?? 0)})`)));
}

/**
 * Axis ticks from 0 in equal steps of 1, 2 or 5 × 10ⁿ, at most `count` steps, the last at or above `max`.
 * Counts are whole, so a step is never below 1: fractions of an admission would be labels nobody can read right.
 */
export function niceTicks(max, count = 4) {
  const top = Math.max(1, max);
  const raw = top / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * magnitude).find((m) => m >= raw));
  const steps = Math.ceil(top / step);
  return Array.from({ length: steps + 1 }, (_, i) => i * step);
}

/** A small sparkline for the system page's history of one figure. */
export function sparkline(values, label) {
  const W = 160, H = 36;
  const max = Math.max(1, ...values);
  const d = values.map((v, i) => `${i ? 'L' : 'M'}${((W * i) / Math.max(1, values.length - 1)).toFixed(1)},${(H - 2 - ((H - 4) * v) / max).toFixed(1)}`).join('');
  return s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'spark', role: 'img', 'aria-label': label }, s('path', { d, class: 'current' }));
}
