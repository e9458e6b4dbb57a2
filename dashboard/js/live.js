import { session, unitUrl } from './api.js';
import { t } from './i18n.js';
import { h } from './dom.js';

const RETRY_MS = [1000, 2000, 5000, 10000];

/**
 * Follows a unit's SSE stream and shows whether it is live (off on error, on again once reconnected).
 * Without a token the browser's EventSource does the work and reconnects by itself. EventSource cannot send an
 * Authorization header and the silo reads the token only from that header, so with a token the same stream is read
 * through fetch, with the reconnecting done here.
 */
export function follow(unitId, year, onView) {
  const label = h('span', { text: t('offline') });
  const indicator = h('span', { class: 'live off', role: 'status', title: t('liveTitle'), 'data-testid': 'live' },
    h('span', { class: 'dot', 'aria-hidden': 'true' }), label);
  const set = (on) => {
    indicator.classList.toggle('off', !on);
    indicator.classList.toggle('on', on);
    indicator.dataset.state = on ? 'on' : 'off';
    label.textContent = on ? t('live') : t('offline');
  };
  const deliver = (data) => {
    try { onView(JSON.parse(data)); } catch { /* a malformed event is skipped; the next one carries the whole view */ }
  };
  const url = unitUrl(unitId, `/stream${year ? `?year=${year}` : ''}`);
  const close = session.token ? fetchStream(url, session.token, set, deliver) : eventSource(url, set, deliver);
  return { indicator, close };
}

function eventSource(url, set, deliver) {
  const source = new EventSource(url);
  source.addEventListener('open', () => set(true));
  source.addEventListener('error', () => set(false));
  source.addEventListener('message', (event) => { set(true); deliver(event.data); });
  return () => source.close();
}

function fetchStream(url, token, set, deliver) {
  let stopped = false;
  let controller;
  let lastId = '';
  let attempt = 0;
  let timer = 0;

  async function connect() {
    controller = new AbortController();
    try {
      const headers = { Accept: 'text/event-stream', Authorization: `Bearer ${token}` };
      if (lastId) headers['Last-Event-ID'] = lastId;
      const response = await fetch(url, { headers, signal: controller.signal, cache: 'no-store' });
      if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
      set(true);
      attempt = 0;
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value.replace(/\r\n?/g, '\n');
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = [];
          for (const line of block.split('\n')) {
            if (line.startsWith('data:')) data.push(line.slice(line[5] === ' ' ? 6 : 5));
            else if (line.startsWith('id:')) lastId = line.slice(3).trim();
          }
          if (data.length) deliver(data.join('\n'));
        }
      }
    } catch { /* reported below as "offline"; the loop reconnects */ }
    if (stopped) return;
    set(false);
    timer = setTimeout(connect, RETRY_MS[Math.min(attempt++, RETRY_MS.length - 1)]);
  }

  connect();
  return () => { stopped = true; clearTimeout(timer); controller?.abort(); };
}
