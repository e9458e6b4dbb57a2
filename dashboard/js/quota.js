import { request, unitUrl, ApiError } from './api.js';
import { h, replace, announce } from './dom.js';
import { t, num } from './i18n.js';
import { byUnitName, primaryName } from './names.js';

/** The unit's version for If-Match: the ETag the silo sent if any, else the view's quotaVersion as an entity tag. */
async function loadQuota(id, year) {
  const { data, response } = await request(unitUrl(id, `?year=${year}`));
  return {
    id, name: data.name, partyName: data.partyName, quota: data.quota, etag: response.headers.get('ETag') || `"${data.quotaVersion}"`,
    membersAtStart: data.membersAtStart, admitted: data.admitted, lastYear: data.lastYear ?? {},
  };
}

/** Quota editor for the level below: each child is saved with its own If-Match, so a stale value is never written. */
export function quotaSection(view) {
  const body = h('div', {}, h('p', { class: 'muted', text: t('loading') }));
  const section = h('section', { class: 'card no-print', 'aria-labelledby': 'quota-h', 'data-testid': 'quota-editor' },
    h('h2', { id: 'quota-h', text: t('quotaEditor') }), body);
  load();
  return section;

  async function load(message) {
    try {
      // The children's own versions are needed for If-Match; the parent's view does not carry them.
      const rows = await Promise.all([...view.children].sort(byUnitName).map((c) => loadQuota(c.id, view.year)));
      const own = await loadQuota(view.id, view.year);
      render(own, rows, message);
    } catch (error) {
      replace(body, h('p', { class: 'form-status bad', text: error.message }));
    }
  }

  function render(own, rows, message) {
    const balance = h('p', { class: 'balance', 'data-testid': 'quota-balance', role: 'status' });
    const warning = h('p', { class: 'quota-warning', 'data-testid': 'quota-warning', role: 'alert' });
    const inputs = rows.map((r) => h('input', { type: 'number', min: 0, step: 1, value: r.quota, id: `q-${r.id}`, inputmode: 'numeric', class: 'num' }));
    const update = () => {
      const sum = inputs.reduce((n, i) => n + (Number(i.value) || 0), 0);
      const diff = sum - own.quota;
      balance.textContent = `${t('ownQuota')}: ${num(own.quota)} · ${t('childrenSum')}: ${num(sum)} · ${diff > 0 ? t('overAllocated', num(diff)) : diff < 0 ? t('underAllocated', num(-diff)) : t('balanced')}`;
      balance.className = `balance ${diff === 0 ? 'ok' : 'warn'}`;
      // Saving one child at a time may leave the level below out of step with the parent; say so before it is saved.
      warning.hidden = diff === 0;
      warning.textContent = diff === 0 ? '' : t('quotaMismatch', num(sum), num(own.quota), diff > 0 ? t('overAllocated', num(diff)) : t('underAllocated', num(-diff)));
    };
    const status = h('p', { class: 'form-status', role: 'alert', text: message ?? '' });
    // Units whose quota above their members at the start of the year the board has confirmed.
    const confirmed = new Set();
    const form = h('form', {
      oninput: update,
      onsubmit: async (event) => {
        event.preventDefault();
        const changed = rows.map((r, i) => ({ r, value: Number(inputs[i].value) })).filter(({ r, value }) => value !== r.quota);
        for (const { r, value } of changed) {
          if (!Number.isInteger(value) || value < 0) { status.textContent = `${r.name}: ${t('required')}`; inputs[rows.indexOf(r)].focus(); return; }
        }
        try {
          for (const { r, value } of changed) {
            try {
              const body = { year: view.year, admissions: value, ...(confirmed.has(r.id) ? { confirm: true } : {}) };
              await request(unitUrl(r.id, '/quota'), { method: 'PUT', body, headers: { 'If-Match': r.etag } });
              r.quota = value;
            } catch (error) {
              if (error instanceof ApiError && (error.status === 409 || error.status === 412)) { await load(t('quotaConflict', r.name)); return; }
              const aboveMembers = error instanceof ApiError && error.status === 400 ? fieldErrors(error, 'quota') : [];
              if (aboveMembers.length) {
                // Larger than the members it is drawn from: set only when the board says so, naming both numbers.
                const again = h('button', { type: 'button', class: 'secondary', 'data-testid': 'quota-confirm', text: t('quotaConfirm'),
                  onclick: () => { confirmed.add(r.id); form.requestSubmit(); } });
                replace(status, h('span', { text: `${primaryName(r)}: ${t('quotaAboveMembers', num(value), num(r.membersAtStart), view.year)} ` }), again);
                inputs[rows.indexOf(r)].focus();
                return;
              }
              throw error;
            }
          }
          announce(t('quotaSaved'));
          await load(t('quotaSaved'));
        } catch (error) {
          const errors = error instanceof ApiError ? Object.values(error.errors).flat() : [];
          status.textContent = errors.length ? errors.join(' ') : error.message;
        }
      },
    },
    // What a board weighs a quota against: the members it is drawn from, this year so far, and last year.
    h('div', { class: 'table-wrap' }, h('table', { class: 'data quota-table' },
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col', text: t('name') }),
        h('th', { scope: 'col', class: 'num', text: t('members') }),
        h('th', { scope: 'col', class: 'num', text: t('admittedSoFar') }),
        h('th', { scope: 'col', class: 'num', text: t('lastYearFigure') }),
        h('th', { scope: 'col', class: 'num', text: t('quota') }))),
      h('tbody', {}, rows.map((r, i) => h('tr', { 'data-unit': r.id },
        h('th', { scope: 'row' }, h('label', { for: inputs[i].id, text: primaryName(r) }, h('span', { class: 'sr-only', text: ` – ${t('quota')}` }))),
        h('td', { class: 'num', 'data-testid': 'quota-members', text: num(r.membersAtStart) }),
        h('td', { class: 'num', 'data-testid': 'quota-admitted', text: num(r.admitted) }),
        h('td', { class: 'num nowrap', 'data-testid': 'quota-last-year', text: t('lastYearOf', num(r.lastYear.admittedFullYear), num(r.lastYear.quota)) }),
        h('td', { class: 'num' }, inputs[i])))))),
    balance,
    warning,
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'primary' }, t('saveQuotas')), status));
    update();
    replace(body, form);
  }
}

/** The messages of a problem-details answer for one field, whatever the case of its key. */
function fieldErrors(error, field) {
  return Object.entries(error.errors).filter(([key]) => key.toLowerCase() === field).flatMap(([, messages]) => messages);
}
