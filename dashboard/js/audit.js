import { get, unitUrl } from './api.js';
import { h, replace } from './dom.js';
import { t, num, date, dateTime } from './i18n.js';
import { periodName } from './closing.js';

const FIRST = 20;
const MORE = 200;

// The silo writes summaries in English for the log's readers on the server; the common ones are read back in the
// page's language, anything else is shown as written.
const SUMMARIES = [
  [/^quota (\d{4}): (\d+) → (\d+)$/, (m) => t('auditQuota', m[1], num(Number(m[2])), num(Number(m[3])))],
  [/^members at the start of (\d{4}): (\S+) → (\d+)$/, (m) => t('auditMembers', m[1], m[2], num(Number(m[3])))],
  [/^admission \S+ dated (\d{4}-\d{2}-\d{2})$/, (m) => t('auditAdmission', date(m[1]))],
  [/^admission \S+ retracted: (.*)$/s, (m) => t('auditCorrection', m[1])],
  [/^closed (\S+)$/, (m) => t('auditClosed', periodName(m[1]))],
  [/^reopened (\S+), closed by (.*) at (\d{4}-\d{2}-\d{2}) (\d{2}:\d{2})$/, (m) => t('auditReopened', periodName(m[1]), m[2], `${date(m[3])} ${m[4]}`)],
  [/^indicators (\d{4}) removed$/, (m) => t('auditIndicatorsRemoved', m[1])],
  [/^indicators (\d{4}): (.*)$/s, (m) => t('auditIndicators', m[1], indicatorChange(m[2]))],
];

// A figure the entry left out is written "-".
const figure = (text) => (text === '-' ? '–' : num(Number(text)));
const FIGURES = /^population (\S+), residential groups (\S+) \((\S+) without members\), group leaders (\S+) \((\S+) members\)$/;
const TARGETS = /^targets: members (\S+) % of population, at most (\S+) groups without members, leaders who are members (\S+) %, youth union introductions (\S+)$/;

/** The figures and targets of an indicators entry in the page's language; a part in another shape is kept as written. */
function indicatorChange(text) {
  return text.split('; ').map((part) => {
    const f = FIGURES.exec(part);
    if (f) return t('auditIndicatorFigures', ...f.slice(1).map(figure));
    const g = TARGETS.exec(part);
    return g ? t('auditIndicatorTargets', ...g.slice(1).map(figure)) : part;
  }).join('; ');
}

function summary(text) {
  for (const [pattern, say] of SUMMARIES) {
    const m = pattern.exec(text ?? '');
    if (m) return say(m);
  }
  return text ?? '';
}

/** The unit's audit log for boards: who changed what and when, newest first; never a person's name. */
export function auditSection(view) {
  const body = h('div', {}, h('p', { class: 'muted', text: t('loading') }));
  const section = h('section', { class: 'card no-print', 'aria-labelledby': 'audit-h', 'data-testid': 'audit' },
    h('h2', { id: 'audit-h', text: t('auditTitle') }), body);
  load(FIRST);
  return section;

  async function load(limit) {
    try {
      const entries = await get(unitUrl(view.id, `/audit?limit=${limit}`));
      render(entries, limit);
    } catch (error) {
      replace(body, h('p', { class: 'form-status bad', text: error.message }));
    }
  }

  function render(entries, limit) {
    if (!entries.length) { replace(body, h('p', { class: 'muted', text: t('auditEmpty') })); return; }
    replace(body,
      h('div', { class: 'table-wrap' }, h('table', { class: 'data audit' },
        h('thead', {}, h('tr', {}, [t('auditAt'), t('auditKind'), t('auditWhat'), t('auditBy')].map((c) => h('th', { scope: 'col', text: c })))),
        h('tbody', {}, entries.map((e) => h('tr', {},
          h('td', { class: 'nowrap', text: dateTime(e.at, { seconds: true }) }),
          h('td', { text: t('auditKinds')[e.kind] ?? e.kind }),
          h('td', { text: summary(e.summary) }),
          h('td', { text: e.by })))))),
      entries.length >= limit && limit < MORE
        ? h('button', { type: 'button', 'data-testid': 'audit-more', onclick: () => load(MORE) }, t('auditMore'))
        : null);
  }
}
