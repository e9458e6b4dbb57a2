import { get, request, unitUrl } from './api.js';
import { h, replace, announce } from './dom.js';
import { t, num, date, isoToday } from './i18n.js';
import { field, clearErrors, showErrors, refusal } from './candidate-fields.js';
import { STAGES, stageName } from './candidates.js';
import { candidateForm } from './candidate-form.js';

const P = 'cm';

/**
 * A branch's candidates: for its own secretary with the names typed, a form to add one and a control per open case to
 * record the next stage; for anyone else reading the branch the same list, without names (the silo leaves them out).
 */
export function candidateRegister(view, { secretary }) {
  const status = h('p', { class: 'form-status', role: 'status', 'data-testid': 'cand-list-status' });
  const list = h('div', { 'data-testid': 'candidate-list' }, h('p', { class: 'muted', text: t('loading') }));
  const refresh = (focusKey) => loadList(view.id, list, secretary, { status, refresh, focusKey });
  const section = h('section', { class: 'card cand-register no-print', 'aria-labelledby': 'cand-reg-h', 'data-testid': 'candidate-register' },
    h('h2', { id: 'cand-reg-h', text: t('candRegister') }),
    status,
    list,
    secretary ? [h('h3', { id: 'cand-add-h', text: t('candAddTitle') }), candidateForm(view.id, () => refresh())] : null);
  refresh();
  return section;
}

async function loadList(branchId, container, secretary, context) {
  try {
    const items = await get(unitUrl(branchId, '/candidates'));
    if (!items.length) { replace(container, h('p', { class: 'muted', text: t('candNone') })); return; }
    const columns = [t('candPerson'), t('candIntroducedBy'), t('candStage'), t('candDue'), secretary ? '' : null].filter((c) => c !== null);
    replace(container, h('div', { class: 'table-wrap' }, h('table', { class: 'data cand-table' },
      h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col', text: c })))),
      h('tbody', {}, items.map((c) => candidateRow(branchId, c, secretary, context))))));
    if (context.focusKey) container.querySelector(`[data-focus-key="${CSS.escape(context.focusKey)}"]`)?.focus();
  } catch (error) {
    replace(container, h('p', { class: 'form-status bad', text: error.message }));
  }
}

/** A cell labelled with its column, which a phone shows beside the value once the rows are stacked as cards. */
const cell = (label, testId, ...content) => h('td', { 'data-label': label, 'data-testid': testId }, h('div', {}, content));

const open = (c) => c.stage !== 'official' && c.stage !== 'dropped';
const person = (c) => [t(c.gender), t('candAge', num(c.age))].join(' · ');

function candidateRow(branchId, c, secretary, context) {
  const dropReason = c.stage === 'dropped' ? c.steps?.findLast((s) => s.stage === 'dropped')?.reason : null;
  const action = secretary ? h('td', { class: 'cand-action' }) : null;
  const row = h('tr', { 'data-candidate': c.id, class: c.overdue ? 'cand-row late' : 'cand-row' },
    cell(t('candPerson'), 'cand-person',
      c.name ? h('span', { class: 'cand-name', 'data-testid': 'cand-name', text: c.name }) : null,
      h('span', { class: c.name ? 'cand-detail' : '', text: person(c) })),
    cell(t('candIntroducedBy'), 'cand-introducer',
      h('span', { text: t('candIntroducers')[c.introducedBy] ?? c.introducedBy }),
      h('span', { class: 'cand-detail', text: date(c.introducedOn) })),
    cell(t('candStage'), 'cand-stage',
      h('span', { class: `cand-stage stage-${c.stage}`, text: stageName(c.stage) }),
      h('span', { class: 'cand-detail', text: t('candSince', date(c.stageOn)) }),
      dropReason ? h('span', { class: 'cand-detail', text: t('candReasonWas', dropReason) }) : null),
    cell(t('candDue'), 'cand-due', dueCell(c)),
    action);
  if (action && open(c)) {
    action.append(h('button', {
      type: 'button', 'data-focus-key': `next-${c.id}`, 'aria-expanded': 'false',
      'aria-label': `${t('candNext')}: ${c.name || person(c)}`,
      onclick: (event) => toggleMove(event.currentTarget, row, branchId, c, context),
    }, t('candNext')));
  }
  return row;
}

function dueCell(c) {
  const detail = c.probationEnds ? t('candProbationEnds', date(c.probationEnds))
    : c.courseValidUntil && ['course', 'verified'].includes(c.stage) ? t('candCourseValid', date(c.courseValidUntil)) : null;
  return [
    c.dueOn ? h('span', { text: date(c.dueOn) }) : h('span', { class: 'muted', text: open(c) ? t('candNoDue') : '–' }),
    c.overdue ? h('span', { class: 'status behind cand-late-badge', 'data-testid': 'cand-overdue-mark', text: t('candLate') }) : null,
    detail ? h('span', { class: 'cand-detail', text: detail }) : null,
  ];
}

/** The stages that may follow: the next one, a second course before the resolution, or dropping the case. */
function nextStages(stage) {
  const next = STAGES[STAGES.indexOf(stage) + 1];
  return [
    [next, stageName(next)],
    ['course', 'verified'].includes(stage) ? ['course', t('candRenewCourse')] : null,
    ['dropped', stageName('dropped')],
  ].filter(Boolean);
}

/** Opens (or closes) a row under the candidate with the stage, its date and, for dropping, the reason. */
function toggleMove(button, row, branchId, c, context) {
  const existing = row.nextElementSibling?.classList.contains('cand-move') ? row.nextElementSibling : null;
  if (existing) { existing.remove(); button.setAttribute('aria-expanded', 'false'); return; }
  button.setAttribute('aria-expanded', 'true');
  const who = c.name || person(c);
  const prefix = `${P}-${c.id}`;
  const stage = h('select', {}, nextStages(c.stage).map(([value, label]) => h('option', { value }, label)));
  const on = h('input', { type: 'date', value: isoToday(), max: isoToday(), required: true });
  const reason = h('input', { type: 'text', maxlength: 1000, autocomplete: 'off' });
  const reasonField = field(prefix, 'reason', t('candReason'), reason);
  const status = h('p', { class: 'form-status', role: 'status', 'data-testid': 'cand-move-status' });
  const close = () => { moveCell.parentElement.remove(); button.setAttribute('aria-expanded', 'false'); button.focus(); };
  const form = h('form', { class: 'cand-move-form', novalidate: true, 'aria-label': t('candNextFor', who), 'data-testid': 'cand-move-form' },
    field(prefix, 'stage', t('candStageField'), stage),
    field(prefix, 'on', t('candOn'), on),
    reasonField,
    h('div', { class: 'form-actions' },
      h('button', { type: 'submit', class: 'primary' }, t('confirm')),
      h('button', { type: 'button', onclick: close }, t('cancel')),
      status));
  const showReason = () => { reasonField.hidden = stage.value !== 'dropped'; };
  stage.addEventListener('change', showReason);
  showReason();
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form, status);
    const body = { stage: stage.value, on: on.value };
    if (!on.value) { showErrors(form, { on: [t('required')] }, status); return; }
    if (stage.value === 'dropped') {
      if (!reason.value.trim()) { showErrors(form, { reason: [t('required')] }, status); return; }
      body.reason = reason.value.trim();
    }
    try {
      await request(unitUrl(branchId, `/candidates/${encodeURIComponent(c.id)}/stages`), { method: 'POST', body });
      const done = t('candMoved', stageName(stage.value));
      context.status.textContent = done;
      context.status.className = 'form-status ok';
      announce(done);
      context.refresh(`next-${c.id}`);
    } catch (error) {
      const { errors, text } = refusal(error);
      showErrors(form, errors, status, text);
    }
  });
  const moveCell = h('td', { colspan: row.children.length }, form);
  row.after(h('tr', { class: 'cand-move' }, moveCell));
  stage.focus();
}
