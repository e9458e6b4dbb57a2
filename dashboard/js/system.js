import { get } from './api.js';
import { h, replace } from './dom.js';
import { t, num, dec, dateTime } from './i18n.js';
import { sparkline } from './charts.js';

// Rates and latencies are null on the first request: the silo measures only the interval between two requests.
const CARDS = [
  ['activations', (v) => num(v)],
  ['callsPerSecond', (v) => dec(v, 1)],
  ['callLatencyMs', (v) => `${dec(v, 2)} ms`],
  ['storageLatencyMs', (v) => `${dec(v, 2)} ms`],
  ['streamClients', (v) => num(v)],
  ['admissionsPerSecond', (v) => dec(v, 2)],
  ['propagationDelayMs', (v) => `${dec(v, 1)} ms`],
  ['workingSetBytes', (v) => `${dec(v / 1048576, 0)} MB`],
];

/** Polled only while this page is open: the returned cleanup stops the timer, so nobody watching costs nothing. */
export async function systemPage(main) {
  const history = {};
  const cards = h('div', { class: 'kpis', 'data-testid': 'system' });
  const facts = h('p', { class: 'muted' });
  const status = h('p', { class: 'muted', role: 'status', text: t('polling') });
  replace(main, h('h1', { text: t('systemTitle') }), status, facts, cards);
  let timer = 0;
  let stopped = false;
  const tick = async () => {
    try {
      render(await get('api/system'));
      status.textContent = t('polling');
    } catch (error) {
      status.textContent = `${t('error')}: ${error.message}`;
    }
    if (!stopped) timer = setTimeout(tick, 2000);
  };

  function render(data) {
    facts.textContent = `${t('storage')}: ${data.storage ?? '–'} · ${t('mode')}: ${data.mode ?? '–'} · ${t('uptime')}: ${String(data.uptime ?? '–').split('.')[0]} · ${dateTime(data.at)}`;
    replace(cards, CARDS.filter(([key]) => key in data).map(([key, format]) => {
      const value = data[key];
      (history[key] ??= []).push(typeof value === 'number' ? value : 0);
      if (history[key].length > 60) history[key].shift();
      return h('div', { class: 'kpi', 'data-testid': `sys-${key}` },
        h('p', { class: 'kpi-label', text: t(key) }),
        h('p', { class: 'kpi-value', text: value === null || value === undefined ? '–' : format(value) }),
        sparkline(history[key], t(key)));
    }));
  }

  await tick();
  return () => { stopped = true; clearTimeout(timer); };
}
