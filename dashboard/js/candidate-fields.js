import { h } from './dom.js';
import { t } from './i18n.js';
import { ApiError } from './api.js';

// The candidate forms sit on the same page as the admission form, which uses the plain field names for its ids and
// test ids; every id here carries a prefix of its own so neither form finds the other's controls.

/** A labelled control with its own error slot, so a message the server sends for a field lands next to it. */
export function field(prefix, name, label, control) {
  control.id = `${prefix}-${name}`;
  control.name = name;
  control.setAttribute('aria-describedby', `${prefix}-e-${name}`);
  return h('div', { class: 'field', 'data-field': name },
    h('label', { for: control.id, text: label }),
    control,
    h('p', { class: 'field-error', id: `${prefix}-e-${name}`, 'data-testid': `${prefix}-error-${name}` }));
}

/** A choice with no neutral value starts empty: a forgotten one is refused, never recorded as the first option. */
export const choice = (options) => h('select', { required: true },
  h('option', { value: '' }, t('choose')), options.map(([value, label]) => h('option', { value }, label)));

export const yesNo = () => h('select', {}, h('option', { value: 'false' }, t('no')), h('option', { value: 'true' }, t('yes')));

export function clearErrors(form, status) {
  for (const p of form.querySelectorAll('.field-error')) p.textContent = '';
  for (const c of form.querySelectorAll('[aria-invalid]')) c.removeAttribute('aria-invalid');
  status.textContent = '';
  status.className = 'form-status';
}

/**
 * Field → messages next to their fields; what names no field of this form (a 409's detail naming the current stage)
 * goes to the status line in the server's own words.
 */
export function showErrors(form, errors, status, fallback = '') {
  const loose = [];
  let first = null;
  for (const [name, messages] of Object.entries(errors)) {
    const wrapper = [...form.querySelectorAll('[data-field]')].find((f) => f.dataset.field.toLowerCase() === name.toLowerCase());
    const slot = wrapper?.querySelector('.field-error');
    const text = [messages].flat().join(' ');
    if (!slot || wrapper.hidden) { loose.push(text); continue; }
    slot.textContent = text;
    const control = wrapper.querySelector('input, select, textarea');
    control.setAttribute('aria-invalid', 'true');
    first ??= control;
  }
  status.textContent = loose.length ? loose.join(' ') : first ? t('fixErrors') : fallback;
  status.className = 'form-status bad';
  first?.focus();
}

/** A refusal as field messages: a 409 names only the stage, in its detail, so it becomes the status line. */
export function refusal(error) {
  if (!(error instanceof ApiError)) return { errors: {}, text: error.message };
  const errors = error.status === 409 ? {} : error.errors;
  return { errors, text: error.problem.detail || error.message };
}
