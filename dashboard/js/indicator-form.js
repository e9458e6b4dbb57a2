import { request, unitUrl, ApiError } from './api.js';
import { h, announce } from './dom.js';
import { t, num } from './i18n.js';
import { field, clearErrors, showErrors, refusal } from './candidate-fields.js';

const P = 'ind';
const FIGURES = ['population', 'residentialGroups', 'groupsWithoutMembers', 'groupLeaders', 'leadersWhoAreMembers'];
const TARGETS = [
  { key: 'membersPerPopulationPercent', share: true },
  { key: 'groupsWithoutMembers', share: false },
  { key: 'leaderSharePercent', share: true },
  { key: 'youthUnionIntroductions', share: false },
];

const numberInput = (share) => h('input', {
  type: 'number', min: 0, step: share ? 'any' : 1, inputmode: share ? 'decimal' : 'numeric', class: 'num', autocomplete: 'off',
});

/**
 * A board's form for the unit's own figures and its targets for the year, each field named as the silo names it
 * ("targets.leaderSharePercent") so the messages of a refusal land next to their fields. What is typed stays while
 * the page redraws around it; the form is filled from the unit's entry each time it is opened and after a save.
 */
export function indicatorEditor(view, refresh) {
  const year = view.year;
  let current = view;
  const controls = [
    ...FIGURES.map((key) => ({ name: key, whole: true, read: (i) => i?.own?.[key], input: numberInput(false) })),
    ...TARGETS.map(({ key, share }) => ({ name: `targets.${key}`, target: key, whole: !share, read: (i) => i?.targets?.[key], input: numberInput(share) })),
  ];
  // Beside each own figure, what the units below have entered, so a figure they already hold is not entered twice.
  const hints = new Map(FIGURES.map((key) => [key, h('p', { class: 'field-hint', id: `${P}-h-${key}`, 'data-testid': `ind-below-${key}` })]));
  const fieldOf = (c) => {
    const wrapper = field(P, c.name, t('indFields')[c.name], c.input);
    const hint = hints.get(c.name);
    if (hint && !c.target) {
      wrapper.append(hint);
      c.input.setAttribute('aria-describedby', `${c.input.getAttribute('aria-describedby')} ${hint.id}`);
    }
    return wrapper;
  };

  const status = h('p', { class: 'form-status', role: 'status', 'data-testid': 'ind-form-status' });
  const closedNote = h('p', { class: 'ind-closed', 'data-testid': 'ind-closed', hidden: true });
  const save = h('button', { type: 'submit', class: 'primary' }, t('indSave'));
  const own = h('fieldset', { class: 'ind-fieldset' },
    h('legend', { text: t('indOwnTitle') }),
    h('p', { class: 'muted ind-help', text: t('indOwnHelp') }),
    h('div', { class: 'ind-fields' }, controls.filter((c) => !c.target).map(fieldOf)));
  const targets = h('fieldset', { class: 'ind-fieldset' },
    h('legend', { text: t('indTargetsTitle', year) }),
    h('p', { class: 'muted ind-help', text: t('indTargetsHelp') }),
    h('div', { class: 'ind-fields' }, controls.filter((c) => c.target).map(fieldOf)));
  const form = h('form', { class: 'ind-form no-print', id: 'ind-editor', novalidate: true, hidden: true, 'data-testid': 'ind-form', 'aria-label': t('indEdit') },
    closedNote, own, targets,
    h('div', { class: 'form-actions' }, save, status));

  const toggle = h('button', {
    type: 'button', 'data-testid': 'ind-edit', 'aria-controls': 'ind-editor', 'aria-expanded': 'false',
    onclick: () => (form.hidden ? open() : close()),
  }, t('indEdit'));

  // The silo refuses changes to a closed year; the form says so rather than let a board type figures it cannot save.
  const closed = () => Boolean(current.closing?.year);

  // The version of the entry the fields were filled from; live updates move `current` on while the board types.
  let filledVersion = 0;

  function fill(indicators) {
    for (const c of controls) c.input.value = c.read(indicators) ?? '';
    filledVersion = indicators?.version ?? 0;
  }

  function open() {
    fill(current.indicators);
    clearErrors(form, status);
    form.hidden = false;
    toggle.setAttribute('aria-expanded', 'true');
    toggle.textContent = t('indEditClose');
    if (!save.disabled) controls[0].input.focus();
  }

  function close() {
    form.hidden = true;
    toggle.setAttribute('aria-expanded', 'false');
    toggle.textContent = t('indEdit');
    toggle.focus();
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form, status);
    const local = {};
    const body = {};
    for (const c of controls) {
      // A number input holds "" for what is not a number; only its validity tells that apart from an empty field.
      if (c.input.validity.badInput) { local[c.name] = [t('indNumber')]; continue; }
      if (c.input.value.trim() === '') continue;
      const value = Number(c.input.value);
      // The silo would refuse a fraction only as a value of the wrong type; the page says what it wants instead.
      if (c.whole && !Number.isInteger(value)) { local[c.name] = [t('indWhole')]; continue; }
      if (c.target) (body.targets ??= {})[c.target] = value;
      else body[c.name] = value;
    }
    if (Object.keys(local).length) { showErrors(form, local, status); return; }
    save.disabled = true;
    try {
      // A board that saved since the form was filled makes this a 409, not an overwrite of its figures.
      const headers = { 'If-Match': `"${filledVersion}"` };
      const { data } = await request(unitUrl(current.id, `/indicators/${year}`), { method: 'PUT', body, headers });
      fill(data);
      status.textContent = t('indSaved');
      status.className = 'form-status ok';
      announce(status.textContent);
      await refresh();
    } catch (error) {
      const { errors, text } = refusal(error);
      if (error instanceof ApiError && error.status === 409 && error.problem?.version !== undefined) {
        // Someone else's figures are what stands now: show them, with the silo's words, before the board types again.
        await refresh();
        fill(current.indicators);
      }
      showErrors(form, errors, status, text);
    } finally {
      save.disabled = closed();
    }
  });

  return {
    toggle,
    node: form,
    update(next) {
      current = next;
      const i = next.indicators;
      for (const key of FIGURES) {
        const below = (i?.[key] ?? 0) - (i?.own?.[key] ?? 0);
        const hint = hints.get(key);
        hint.textContent = below > 0 ? t('indBelow', num(below), num(i[key])) : '';
        hint.hidden = below <= 0;
      }
      const isClosed = closed();
      closedNote.hidden = !isClosed;
      closedNote.textContent = isClosed ? t('indClosedYear', year) : '';
      own.disabled = isClosed;
      targets.disabled = isClosed;
      save.disabled = isClosed;
    },
  };
}
