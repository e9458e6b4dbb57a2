import { request, get, unitUrl, ApiError } from './api.js';
import { h, replace, announce } from './dom.js';
import { t, date, dateTime, isoToday } from './i18n.js';
import { csvBlob, download } from './export.js';

const EDUCATIONS = ['lowerSecondary', 'upperSecondary', 'vocational', 'university', 'postgraduate'];
const OCCUPATIONS = ['stateCadre', 'publicService', 'enterpriseWorker', 'farmer', 'armedForces', 'student', 'other'];

/** A labelled field with its own error slot, so problem-details messages land next to the field they name. */
function field(name, label, control) {
  control.id = `f-${name}`;
  control.name = name;
  control.setAttribute('aria-describedby', `e-${name}`);
  return h('div', { class: 'field', 'data-field': name },
    h('label', { for: control.id, text: label }),
    control,
    h('p', { class: 'field-error', id: `e-${name}`, 'data-testid': `error-${name}` }));
}

const select = (options) => h('select', {}, options.map(([value, label]) => h('option', { value }, label)));
const yesNo = () => select([['false', t('no')], ['true', t('yes')]]);

// No neutral value exists for these, so they start empty: a forgotten one is refused, never recorded as the first option.
const CHOICES = ['gender', 'education', 'occupation'];
const choice = (options) => h('select', { required: true }, h('option', { value: '' }, t('choose')), options.map(([value, label]) => h('option', { value }, label)));

// The upload's header, as the silo reads it; cells take the codes or Vietnamese (Nữ/Nam, Có/Không, dd/mm/yyyy).
const CSV_HEADER = ['idempotencyKey', 'admittedOn', 'gender', 'birthDate', 'youthUnion', 'ethnicMinority', 'religious', 'privateBusinessOwner', 'education', 'occupation', 'name'];

export function branchSection(view, year) {
  const list = h('div', { 'data-testid': 'admissions' });
  // The list shows the year on screen, the one the page was opened for or this year's by default.
  const refresh = () => loadList(view.id, year ?? view.year, list);
  const section = h('section', { class: 'card no-print', 'aria-labelledby': 'branch-h' },
    h('h2', { id: 'branch-h', text: t('admissionForm') }),
    admissionForm(view.id, refresh),
    uploadForm(view.id, refresh),
    h('h3', { text: t('admissionsList') }),
    list);
  refresh();
  return section;
}

function admissionForm(branchId, refresh) {
  const status = h('p', { class: 'form-status', role: 'status', 'data-testid': 'form-status' });
  const form = h('form', { class: 'admission-form', novalidate: true, 'data-testid': 'admission-form' },
    field('admittedOn', t('admittedOn'), h('input', { type: 'date', value: isoToday(), required: true })),
    field('gender', t('gender'), choice([['female', t('female')], ['male', t('male')]])),
    field('birthDate', t('birthDate'), h('input', { type: 'date', required: true })),
    field('youthUnion', t('youthUnion'), yesNo()),
    field('ethnicMinority', t('ethnicMinority'), yesNo()),
    field('religious', t('religious'), yesNo()),
    field('privateBusinessOwner', t('privateBusinessOwner'), yesNo()),
    field('education', t('education'), choice(EDUCATIONS.map((e) => [e, t('educations')[e]]))),
    field('occupation', t('occupation'), choice(OCCUPATIONS.map((o) => [o, t('occupations')[o]]))),
    field('name', t('nameOptional'), h('input', { type: 'text', autocomplete: 'off', maxlength: 200 })),
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'primary' }, t('submit')), status));
  // One key per filled-in report: a retry after a network error counts once; a new report gets a new key.
  let key = crypto.randomUUID();
  form.addEventListener('input', () => { key = crypto.randomUUID(); });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const v = Object.fromEntries(new FormData(form));
    const local = {};
    if (!v.admittedOn) local.admittedOn = [t('required')];
    else if (v.admittedOn > isoToday()) local.admittedOn = [t('futureDate')];
    if (!v.birthDate) local.birthDate = [t('required')];
    const unchosen = CHOICES.filter((name) => !v[name]);
    for (const name of unchosen) local[name] = [t('chooseOne')];
    // The server is the judge; local checks only spare a round trip for the obvious ones, and a future date goes to
    // the server anyway so its wording is the one users learn.
    if (local.birthDate || unchosen.length || local.admittedOn?.[0] === t('required')) {
      showErrors(form, local, status);
      if (unchosen.length) status.textContent = t('notChosen', unchosen.map((name) => t(name)).join(', '));
      return;
    }
    const body = {
      idempotencyKey: key, admittedOn: v.admittedOn, gender: v.gender, birthDate: v.birthDate,
      youthUnion: v.youthUnion === 'true', ethnicMinority: v.ethnicMinority === 'true', religious: v.religious === 'true',
      privateBusinessOwner: v.privateBusinessOwner === 'true', education: v.education, occupation: v.occupation,
      name: v.name?.trim() || undefined,
    };
    try {
      const { response } = await request(unitUrl(branchId, '/admissions'), { method: 'POST', body });
      status.textContent = response.status === 200 ? t('repeated') : t('saved');
      status.className = 'form-status ok';
      announce(status.textContent);
      form.elements.birthDate.value = '';
      form.elements.name.value = '';
      for (const name of CHOICES) form.elements[name].value = '';
      key = crypto.randomUUID();
      refresh();
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.errors).length) showErrors(form, error.errors, status);
      else { status.textContent = error.message; status.className = 'form-status bad'; }
    }
  });
  return form;
}

function clearErrors(form) {
  for (const p of form.querySelectorAll('.field-error')) p.textContent = '';
  for (const c of form.querySelectorAll('[aria-invalid]')) c.removeAttribute('aria-invalid');
}

function showErrors(form, errors, status) {
  let first = null;
  for (const [name, messages] of Object.entries(errors)) {
    const wrapper = [...form.querySelectorAll('[data-field]')].find((f) => f.dataset.field.toLowerCase() === name.toLowerCase());
    const slot = wrapper?.querySelector('.field-error');
    if (!slot) { status.textContent = `${name}: ${messages.join(' ')}`; continue; }
    slot.textContent = messages.join(' ');
    const control = wrapper.querySelector('input, select');
    control.setAttribute('aria-invalid', 'true');
    first ??= control;
  }
  if (first) { status.textContent = t('fixErrors'); first.focus(); }
  status.className = 'form-status bad';
}

function uploadForm(branchId, refresh) {
  const input = h('input', { type: 'file', id: 'upload-file', accept: '.csv,text/csv', 'aria-describedby': 'upload-help' });
  const status = h('p', { class: 'form-status', role: 'status' });
  return h('form', {
    class: 'upload', onsubmit: async (event) => {
      event.preventDefault();
      const file = input.files?.[0];
      if (!file) { status.textContent = t('required'); return; }
      try {
        const { data } = await request(unitUrl(branchId, '/admissions/upload'), { method: 'POST', body: file, headers: { 'Content-Type': 'text/csv' } });
        const count = Array.isArray(data) ? data.length : data?.results?.length ?? data?.created ?? data?.count ?? '';
        status.textContent = t('uploadDone', count);
        status.className = 'form-status ok';
        refresh();
      } catch (error) {
        status.textContent = error.status === 404 || error.status === 405 ? t('unavailable') : describe(error);
        status.className = 'form-status bad';
      }
    },
  }, h('h3', { text: t('upload') }),
  h('p', { class: 'muted upload-help', id: 'upload-help', text: t('uploadHelp') }),
  h('button', { type: 'button', 'data-testid': 'csv-template', onclick: () => download(csvBlob([CSV_HEADER]), 'mau-bao-cao-ket-nap.csv') }, t('csvTemplate')),
  h('label', { for: 'upload-file', text: t('uploadFile') }), input, h('button', { type: 'submit' }, t('uploadButton')), status);
}

const describe = (error) => {
  const errors = error instanceof ApiError ? Object.entries(error.errors) : [];
  return errors.length ? errors.map(([k, m]) => `${k}: ${[m].flat().join(' ')}`).join('; ') : error.message;
};

async function loadList(branchId, year, container) {
  try {
    const data = await get(unitUrl(branchId, `/admissions${year ? `?year=${year}` : ''}`));
    const items = Array.isArray(data) ? data : data?.items ?? [];
    if (!items.length) { replace(container, h('p', { class: 'muted', text: t('noAdmissions') })); return; }
    // The silo sends names to the branch's own secretary only; for anyone else the column is not there at all.
    const withNames = items.some((a) => 'name' in a);
    const columns = [t('admittedOn'), withNames ? t('fullName') : null, t('gender'), t('ageAt'), t('education'), t('occupation'), t('recordedAt'), ''];
    replace(container, h('div', { class: 'table-wrap' }, h('table', { class: 'data' },
      h('thead', {}, h('tr', {}, columns.filter((c) => c !== null).map((c) => h('th', { scope: 'col', text: c })))),
      h('tbody', {}, items.map((a) => admissionRow(branchId, a, withNames, () => loadList(branchId, year, container)))))));
  } catch (error) {
    replace(container, h('p', { class: 'form-status bad', text: error.message }));
  }
}

function admissionRow(branchId, a, withNames, reload) {
  const r = a.report ?? a; // the API sends the admission flat, with the age instead of the birth date
  const retracted = Boolean(a.retractedAt);
  const action = h('td', {});
  const showPrompt = () => {
    const reason = h('input', { type: 'text', id: `reason-${a.id}`, required: true });
    const status = h('span', { class: 'form-status', role: 'status' });
    replace(action, h('form', {
      class: 'inline', onsubmit: async (event) => {
        event.preventDefault();
        if (!reason.value.trim()) { status.textContent = t('required'); reason.focus(); return; }
        try {
          const query = `?reason=${encodeURIComponent(reason.value.trim())}`;
          await request(unitUrl(branchId, `/admissions/${encodeURIComponent(a.id)}${query}`), { method: 'DELETE', body: { reason: reason.value.trim() } });
          announce(t('corrected'));
          reload();
        } catch (error) { status.textContent = describe(error); }
      },
    }, h('label', { for: reason.id, text: t('correctFor', date(r.admittedOn)) }), reason,
    h('button', { type: 'submit' }, t('confirm')), h('button', { type: 'button', onclick: () => reload() }, t('cancel')), status));
    reason.focus();
  };
  if (retracted) action.append(h('span', { class: 'status behind', title: a.retractionReason ?? '' }, t('retracted')));
  else action.append(h('button', { type: 'button', onclick: showPrompt }, t('correct')));
  return h('tr', { class: retracted ? 'retracted' : '' },
    h('td', { text: date(r.admittedOn) }),
    withNames ? h('td', { 'data-testid': 'admission-name', text: a.name ?? '–' }) : null,
    h('td', { text: t(r.gender) }),
    h('td', { class: 'num', text: r.age ?? '–' }),
    h('td', { text: t('educations')[r.education] ?? r.education }),
    h('td', { text: t('occupations')[r.occupation] ?? r.occupation }),
    // To the second: two reports typed alike a minute apart are told apart by when each was recorded.
    h('td', { 'data-testid': 'recorded-at', text: dateTime(a.recordedAt, { seconds: true }) }),
    action);
}
