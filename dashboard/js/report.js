import { get, unitUrl } from './api.js';
import { h, replace } from './dom.js';
import { t, num, dec, date, isoToday } from './i18n.js';
import { exportButtons, headingRow, percentCell } from './export.js';
import { breadcrumb } from './breadcrumb.js';
import { letterhead, signatures, issuingOrganisation } from './print.js';

// The silo sends the form's rows in the official order as { group, key, thisPeriod, lastYear, percent }.
const GROUPS = { attributes: 'ofWhich', occupation: 'occupation', age: 'ageBands', education: 'education' };

function rowLabel(row) {
  if (row.group === 'total') return t('totalAdmitted');
  if (row.group === 'occupation') return t('occupations')[row.key] ?? row.key;
  if (row.group === 'education') return t('educations')[row.key] ?? row.key;
  if (row.key === 'averageAge') return t('averageAge');
  if (row.group === 'age') return row.key;
  return t(row.key);
}

/** The rows with a heading before each group, as the paper form prints them. */
function layout(rows) {
  const out = [];
  let group = null;
  for (const row of rows) {
    if (row.group !== group && GROUPS[row.group]) out.push({ heading: t(GROUPS[row.group]) });
    group = row.group;
    out.push({ label: rowLabel(row), row, average: row.key === 'averageAge', total: row.group === 'total' });
  }
  return out;
}

export async function reportPage(main, { id, from, to, scope, issuer }) {
  const year = new Date().getFullYear();
  from ||= `${year}-01-01`;
  to ||= isoToday();
  const [data, path] = await Promise.all([
    get(unitUrl(id, `/report?from=${from}&to=${to}`)),
    get(unitUrl(id, '/path')).catch(() => []),
  ]);
  const lines = layout(data.rows ?? []);
  const header = [t('indicator'), `${t('thisPeriod')} (${date(data.from)}–${date(data.to)})`, `${t('samePeriod')} (${date(data.lastYearFrom)}–${date(data.lastYearTo)})`, t('percent')];
  const exportRows = () => [
    headingRow([t('reportTitle')]), [t('unitLabel'), data.unitName], [t('from'), date(data.from), t('to'), date(data.to)], [],
    headingRow(header),
    ...lines.map((l) => (l.heading ? headingRow([l.heading]) : [l.label, l.row.thisPeriod, l.row.lastYear, l.row.percent === null || l.row.percent === undefined ? '' : percentCell(l.row.percent / 100)])),
  ];
  const fromInput = h('input', { type: 'date', id: 'r-from', value: data.from ?? from, required: true });
  const toInput = h('input', { type: 'date', id: 'r-to', value: data.to ?? to, required: true });
  const fmt = (l, v) => (l.average ? dec(v) : num(v));

  const organisation = issuingOrganisation(path, { id, name: data.unitName }, issuer);
  const head = letterhead(organisation.name, organisation.parent);
  replace(main,
    head.node,
    breadcrumb(path, { scopeId: scope, extraClass: 'no-print', href: (p) => `#/report/${encodeURIComponent(p.id)}?from=${from}&to=${to}` }),
    h('div', { class: 'page-head' },
      h('div', {}, h('p', { class: 'level', text: data.unitName }), h('h1', { text: t('reportTitle') }),
        h('p', { class: 'period', text: `${t('from')} ${date(data.from)} ${t('to').toLowerCase()} ${date(data.to)}` })),
      exportButtons(h, t, `bao-cao-${id}-${data.from}-${data.to}`, exportRows, t('sheetReport'))),
    h('form', {
      class: 'period-form no-print', onsubmit: (event) => {
        event.preventDefault();
        location.hash = `#/report/${encodeURIComponent(id)}?from=${fromInput.value}&to=${toInput.value}`;
      },
    }, h('label', { for: 'r-from', text: t('from') }), fromInput, h('label', { for: 'r-to', text: t('to') }), toInput,
    h('button', { type: 'submit', class: 'primary' }, t('show')),
    h('a', { class: 'button', href: `#/unit/${encodeURIComponent(id)}` }, t('overview'))),
    h('div', { class: 'table-wrap card' }, h('table', { class: 'data report', 'data-testid': 'report' },
      h('thead', {}, h('tr', {}, header.map((c, i) => h('th', { scope: 'col', class: i ? 'num' : '', text: c })))),
      h('tbody', {}, lines.map((l) => (l.heading
        ? h('tr', { class: 'heading' }, h('th', { scope: 'colgroup', colspan: 4, text: l.heading }))
        : h('tr', { class: l.total ? 'total' : '', 'data-key': `${l.row.group}.${l.row.key}` },
          h('th', { scope: 'row', text: l.label }),
          h('td', { class: 'num', text: fmt(l, l.row.thisPeriod) }),
          h('td', { class: 'num', text: fmt(l, l.row.lastYear) }),
          h('td', { class: 'num', text: l.row.percent === null || l.row.percent === undefined ? '–' : `${dec(l.row.percent)} %` }))))))),
    signatures(organisation.name));
  return () => head.close();
}
