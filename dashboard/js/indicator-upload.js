import { request, unitUrl, ApiError } from './api.js';
import { h, replace, announce } from './dom.js';
import { t, num } from './i18n.js';
import { csvBlob, download } from './export.js';

// The columns the silo reads, in the order of the board's form; `year` is left out since the page's year is sent.
const COLUMNS = ['unitId', 'population', 'residentialGroups', 'groupsWithoutMembers', 'groupLeaders', 'leadersWhoAreMembers',
  'targetMembersPerPopulationPercent', 'targetGroupsWithoutMembers', 'targetLeaderSharePercent', 'targetYouthUnionIntroductions'];

/** Every message of a refusal, field after field as the silo listed them, so a board fixes the whole file in one go. */
const messagesOf = (error) => Object.values(error instanceof ApiError ? error.errors : {}).flat().map(String);

/**
 * A board's upload of many units' figures at once: a template with a row for each unit below, to fill in Excel, and
 * the file sent as it is. The silo records all of it or, when a line is wrong, none of it and names every such line.
 */
export function indicatorUpload(view, refresh) {
  let current = view;
  const input = h('input', { type: 'file', id: 'ind-upload-file', accept: '.csv,text/csv', 'aria-describedby': 'ind-upload-help', 'data-testid': 'ind-upload-file' });
  const button = h('button', { type: 'submit', 'data-testid': 'ind-upload-button' }, t('indUploadButton'));
  const status = h('p', { class: 'form-status', role: 'status', 'data-testid': 'ind-upload-status' });
  const messages = h('ul', { class: 'ind-upload-errors', hidden: true, 'data-testid': 'ind-upload-errors' });
  const help = h('p', { class: 'muted upload-help', id: 'ind-upload-help' });

  const say = (text, ok, list = []) => {
    status.textContent = text;
    status.className = `form-status ${ok ? 'ok' : 'bad'}`;
    replace(messages, list.map((m) => h('li', { text: m })));
    messages.hidden = list.length === 0;
  };

  const template = () => {
    const rows = [COLUMNS, ...(current.children ?? []).map((c) => [c.id, ...COLUMNS.slice(1).map(() => '')])];
    download(csvBlob(rows), `mau-chi-tieu-${current.id}-${current.year}.csv`);
  };

  const form = h('form', {
    class: 'upload ind-upload no-print', novalidate: true, 'data-testid': 'ind-upload', 'aria-labelledby': 'ind-upload-h',
    onsubmit: async (event) => {
      event.preventDefault();
      const file = input.files?.[0];
      if (!file) { say(t('indUploadChoose'), false); input.focus(); return; }
      say('', true);
      button.disabled = true;
      try {
        const url = unitUrl(current.id, `/indicators/upload?year=${current.year}`);
        const { data } = await request(url, { method: 'POST', body: file, headers: { 'Content-Type': 'text/csv' } });
        say(t('indUploadDone', num(data?.units ?? 0), data?.units ?? 0), true);
        announce(status.textContent);
        input.value = '';
        await refresh();
      } catch (error) {
        say(error.message, false, messagesOf(error));
      } finally {
        button.disabled = false;
      }
    },
  },
  h('h3', { id: 'ind-upload-h', text: t('indUpload') }),
  help,
  h('div', { class: 'ind-upload-row' }, h('button', { type: 'button', 'data-testid': 'ind-upload-template', onclick: template }, t('indUploadTemplate'))),
  h('div', { class: 'ind-upload-row' }, h('label', { for: input.id, text: t('indUploadFile') }), input, button),
  h('div', { class: 'ind-upload-result' }, status, messages));

  return {
    node: form,
    update(next) {
      current = next;
      help.textContent = t('indUploadHelp', next.year);
    },
  };
}
