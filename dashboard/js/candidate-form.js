import { request, unitUrl } from './api.js';
import { h, announce } from './dom.js';
import { t, isoToday } from './i18n.js';
import { field, choice, yesNo, clearErrors, showErrors, refusal } from './candidate-fields.js';
import { INTRODUCERS } from './candidates.js';

const EDUCATIONS = ['lowerSecondary', 'upperSecondary', 'vocational', 'university', 'postgraduate'];
const OCCUPATIONS = ['stateCadre', 'publicService', 'enterpriseWorker', 'farmer', 'armedForces', 'student', 'other'];
const CHOICES = ['introducedBy', 'gender', 'education', 'occupation'];
const LABELS = { introducedBy: 'candIntroducedBy', gender: 'gender', education: 'education', occupation: 'occupation' };
const P = 'cf';

/** The secretary's form to add a candidate to the branch's sources; every choice must be made, none is assumed. */
export function candidateForm(branchId, added) {
  const status = h('p', { class: 'form-status', role: 'status', 'data-testid': 'cand-form-status' });
  const form = h('form', { class: 'admission-form cand-form', novalidate: true, 'data-testid': 'candidate-form', 'aria-labelledby': 'cand-add-h' },
    field(P, 'introducedBy', t('candIntroducedBy'), choice(INTRODUCERS.map((k) => [k, t('candIntroducers')[k]]))),
    field(P, 'introducedOn', t('candIntroducedOn'), h('input', { type: 'date', value: isoToday(), max: isoToday(), required: true })),
    field(P, 'gender', t('gender'), choice([['female', t('female')], ['male', t('male')]])),
    field(P, 'birthDate', t('birthDate'), h('input', { type: 'date', required: true })),
    field(P, 'youthUnion', t('youthUnion'), yesNo()),
    field(P, 'ethnicMinority', t('ethnicMinority'), yesNo()),
    field(P, 'religious', t('religious'), yesNo()),
    field(P, 'privateBusinessOwner', t('privateBusinessOwner'), yesNo()),
    field(P, 'education', t('education'), choice(EDUCATIONS.map((e) => [e, t('educations')[e]]))),
    field(P, 'occupation', t('occupation'), choice(OCCUPATIONS.map((o) => [o, t('occupations')[o]]))),
    field(P, 'name', t('candNameOptional'), h('input', { type: 'text', autocomplete: 'off', maxlength: 200 })),
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'primary' }, t('candAdd')), status));

  // One key per filled-in form: a retry after a lost answer records the candidate once; any edit makes a new one.
  let key = crypto.randomUUID();
  form.addEventListener('input', () => { key = crypto.randomUUID(); });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form, status);
    const v = Object.fromEntries(new FormData(form));
    const local = {};
    if (!v.introducedOn) local.introducedOn = [t('required')];
    if (!v.birthDate) local.birthDate = [t('required')];
    const unchosen = CHOICES.filter((name) => !v[name]);
    for (const name of unchosen) local[name] = [t('chooseOne')];
    if (Object.keys(local).length) {
      showErrors(form, local, status);
      if (unchosen.length) status.textContent = t('candNotChosen', unchosen.map((name) => t(LABELS[name])).join(', '));
      return;
    }
    const body = {
      idempotencyKey: key, introducedBy: v.introducedBy, introducedOn: v.introducedOn, gender: v.gender, birthDate: v.birthDate,
      youthUnion: v.youthUnion === 'true', ethnicMinority: v.ethnicMinority === 'true', religious: v.religious === 'true',
      privateBusinessOwner: v.privateBusinessOwner === 'true', education: v.education, occupation: v.occupation,
      name: v.name?.trim() || undefined,
    };
    try {
      const { response } = await request(unitUrl(branchId, '/candidates'), { method: 'POST', body });
      form.reset();
      form.elements.introducedOn.value = isoToday();
      key = crypto.randomUUID();
      status.textContent = response.status === 200 ? t('candRepeated') : t('candAdded');
      status.className = 'form-status ok';
      announce(status.textContent);
      added();
    } catch (error) {
      const { errors, text } = refusal(error);
      showErrors(form, errors, status, text);
    }
  });
  return form;
}
