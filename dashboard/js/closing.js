import { request, unitUrl } from './api.js';
import { h, s, replaceKeepingFocus, announce } from './dom.js';
import { t, date, dateTime, isoToday } from './i18n.js';
import { primaryName } from './names.js';

/** The two periods of a year a unit closes: the six-month report, then the year. */
const periodsOf = (year) => [
  { key: `${year}-H1`, part: 'firstHalf', ends: `${year}-06-30`, name: t('periodFirstHalf', year), short: t('chipFirstHalf') },
  { key: `${year}`, part: 'year', ends: `${year}-12-31`, name: t('periodYear', year), short: t('chipYear') },
];

/** A padlock: the mark of a closed period wherever it shows. */
const lock = () => s('svg', { class: 'lock', viewBox: '0 0 16 16', width: 12, height: 12, 'aria-hidden': 'true' },
  s('rect', { x: 2.5, y: 7, width: 11, height: 8, rx: 1.5 }),
  s('path', { d: 'M5 7V5a3 3 0 0 1 6 0v2', fill: 'none', 'stroke-width': 2 }));

/** A period key as people say it ("6 tháng đầu năm 2026"); anything else as it is. */
export function periodName(key) {
  const m = /^(\d{4})(-H1)?$/i.exec(key ?? '');
  if (!m) return key ?? '';
  return m[2] ? t('periodFirstHalf', m[1]) : t('periodYear', m[1]);
}

// A branch is closed by its own secretary; above it, by a board (whose pages are its subtree). The silo decides in
// the end: this only leaves out buttons that could not work.
const mayClose = (view, viewer) => !view.lastDay && (view.level === 'branch'
  ? viewer?.role === 'branch' && viewer.unitId === view.id
  : viewer?.role === 'board');
const mayReopen = (view, viewer) => mayClose(view, viewer) || (view.level === 'branch' && viewer?.role === 'board' && !view.lastDay);

/** The sort value of a child's closing in the children table: how many of the year's periods it has closed. */
export const closingSortValue = (child) => (child.closing?.firstHalf ? 1 : 0) + (child.closing?.year ? 1 : 0);

/**
 * A child's closing of the year's periods in the children table: one mark per period, closed or not. The brief copy
 * goes under the name, where a phone shows it instead of the column, with the closed periods alone to keep rows short.
 */
export function closingCell(child, year, { brief = false } = {}) {
  const periods = periodsOf(year).filter((p) => !brief || child.closing?.[p.part]);
  if (!periods.length) return null;
  return h('span', { class: `closing-marks${brief ? ' closing-brief' : ''}`, 'data-testid': brief ? undefined : 'child-closing' }, periods.map((p) => {
    const closing = child.closing?.[p.part];
    const said = closing ? t('closedOn', p.name, closing.closedBy, dateTime(closing.closedAt)) : t('openPeriod', p.name);
    return h('span', { class: `closing-chip ${closing ? 'closed' : 'open'}`, title: said, 'data-period': p.key, 'data-closed': closing ? 'true' : 'false' },
      closing ? lock() : null,
      h('span', { 'aria-hidden': 'true', text: p.short }),
      h('span', { class: 'sr-only', text: said }));
  }));
}

/**
 * The unit's closing of the year on screen: each period closed (by whom, when) or open, how many units below have
 * closed it, and the close or reopen button for whoever may act. Its own state (a reopening being confirmed, the last
 * answer) survives the live updates that redraw it.
 */
export function closingSection(viewer, refresh) {
  const node = h('section', { class: 'card closing', 'aria-labelledby': 'closing-h', 'data-testid': 'closing' });
  let view = null;
  let confirming = null; // the period key whose reopening waits for a second click
  let message = null; // { text, ok }
  let busy = false;

  async function act(period, method) {
    busy = true;
    message = null;
    draw();
    try {
      if (method === 'POST') await request(unitUrl(view.id, '/closings'), { method, body: { period: period.key } });
      else await request(unitUrl(view.id, `/closings/${encodeURIComponent(period.key)}`), { method });
      message = { text: method === 'POST' ? t('closedNow', period.name) : t('reopenedNow', period.name), ok: true };
      announce(message.text);
      confirming = null;
      busy = false;
      await refresh();
    } catch (error) {
      // The silo's own words: which units have not closed, or whose closing above holds this one.
      message = { text: error.message, ok: false };
      confirming = null;
      busy = false;
      draw();
    }
  }

  function row(period) {
    const closing = view.closing?.[period.part];
    const children = view.children ?? [];
    const closedBelow = children.filter((c) => c.closing?.[period.part]);
    const open = children.filter((c) => !c.closing?.[period.part]);
    const ended = isoToday() > period.ends;
    const status = closing
      ? h('p', { class: 'closing-status closed', 'data-testid': 'closing-status' },
        h('strong', {}, lock(), t('closedTitle')), ' ', t('closedByAt', closing.closedBy, dateTime(closing.closedAt)))
      : h('p', { class: 'closing-status open', 'data-testid': 'closing-status' }, h('strong', { text: t('notClosed') }));
    const below = children.length
      ? h('p', { class: 'muted', 'data-testid': 'closing-children' }, t('childrenClosed', closedBelow.length, children.length))
      : null;

    let action = null;
    let hint = null;
    if (closing && mayReopen(view, viewer)) {
      action = confirming === period.key
        ? h('span', { class: 'closing-confirm' },
          h('span', { text: t('reopenConfirm', period.name) }), ' ',
          h('button', { type: 'button', class: 'primary', disabled: busy, 'data-focus-key': `reopen-yes-${period.key}`, onclick: () => act(period, 'DELETE') }, t('reopenYes')), ' ',
          h('button', { type: 'button', 'data-focus-key': `reopen-no-${period.key}`, onclick: () => { confirming = null; draw(); } }, t('cancel')))
        : h('button', { type: 'button', 'data-testid': 'reopen-period', 'data-focus-key': `reopen-${period.key}`, disabled: busy, onclick: () => {
            confirming = period.key;
            message = null;
            draw();
            node.querySelector(`[data-focus-key="reopen-yes-${CSS.escape(period.key)}"]`)?.focus();
          } }, t('reopenPeriod'));
    } else if (!closing && mayClose(view, viewer)) {
      const ready = ended && open.length === 0;
      hint = !ended ? t('notEnded', date(period.ends))
        : open.length ? t('waitingFor', open.length, open.slice(0, 5).map(primaryName).join(', ') + (open.length > 5 ? '…' : '')) : null;
      action = h('button', {
        type: 'button', class: 'primary', 'data-testid': 'close-period', 'data-focus-key': `close-${period.key}`,
        disabled: !ready || busy, 'aria-describedby': hint ? `closing-hint-${period.key}` : undefined, onclick: () => act(period, 'POST'),
      }, t('closePeriod'));
    }

    return h('div', { class: `closing-period ${closing ? 'closed' : 'open'}`, 'data-period': period.key, 'data-testid': 'closing-period' },
      h('h3', { text: period.name }),
      status,
      below,
      action ? h('div', { class: 'closing-actions no-print' }, action,
        hint ? h('span', { class: 'muted', id: `closing-hint-${period.key}`, 'data-testid': 'closing-hint', text: hint }) : null) : null);
  }

  function draw() {
    replaceKeepingFocus(node,
      h('h2', { id: 'closing-h', text: t('closingTitle', view.year) }),
      h('div', { class: 'closing-periods' }, periodsOf(view.year).map(row)),
      message ? h('p', { class: `form-status ${message.ok ? 'ok' : 'bad'}`, role: 'alert', 'data-testid': 'closing-message', text: message.text }) : null);
  }

  return {
    node,
    update(next) {
      view = next;
      node.classList.toggle('is-closed', Boolean(next.closing?.firstHalf || next.closing?.year));
      draw();
    },
  };
}
