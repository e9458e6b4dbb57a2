import { get } from './api.js';
import { h, replace } from './dom.js';
import { t, levelName } from './i18n.js';
import { primaryName, secondaryName } from './names.js';

/** The header's search box: the silo folds diacritics, so "lien chieu" finds "Liên Chiểu". */
export function wireSearch(currentUser, open) {
  const form = document.getElementById('search-form');
  const input = document.getElementById('search-input');
  const list = document.getElementById('search-results');
  let timer = 0;
  let seq = 0;
  const close = () => { list.hidden = true; input.setAttribute('aria-expanded', 'false'); };

  async function run() {
    const query = input.value.trim();
    if (query.length < 2) { close(); return; }
    const mine = ++seq;
    const me = currentUser();
    const within = me?.unitId && me.role ? `&within=${encodeURIComponent(me.unitId)}` : '';
    try {
      const data = await get(`api/units?search=${encodeURIComponent(query)}${within}`);
      if (mine !== seq) return;
      const items = Array.isArray(data) ? data : data?.items ?? [];
      replace(list, items.length
        ? items.slice(0, 20).map((u) => h('li', {}, h('a', {
          href: `#/unit/${encodeURIComponent(u.id)}`, 'data-testid': 'search-hit',
          onclick: () => { close(); input.value = ''; },
        }, h('span', { text: primaryName(u) }),
        h('span', { class: 'muted', text: ` · ${[secondaryName(u), levelName(u)].filter(Boolean).join(' · ')}` }))))
        : h('li', { class: 'muted', text: t('noResults') }));
      list.hidden = false;
      input.setAttribute('aria-expanded', 'true');
    } catch (error) {
      replace(list, h('li', { class: 'muted', text: error.message }));
      list.hidden = false;
    }
  }

  input.setAttribute('aria-controls', 'search-results');
  input.setAttribute('aria-expanded', 'false');
  input.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(run, 200); });
  form.addEventListener('submit', (event) => { event.preventDefault(); clearTimeout(timer); run(); });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown') { list.querySelector('a')?.focus(); event.preventDefault(); }
    if (event.key === 'Escape') close();
  });
  list.addEventListener('keydown', (event) => {
    const links = [...list.querySelectorAll('a')];
    const i = links.indexOf(document.activeElement);
    if (event.key === 'ArrowDown') { links[Math.min(i + 1, links.length - 1)]?.focus(); event.preventDefault(); }
    if (event.key === 'ArrowUp') { (i <= 0 ? input : links[i - 1]).focus(); event.preventDefault(); }
    if (event.key === 'Escape') { close(); input.focus(); }
  });
  document.addEventListener('click', (event) => { if (!form.contains(event.target)) close(); });
}
