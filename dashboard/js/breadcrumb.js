import { h } from './dom.js';
import { t } from './i18n.js';
import { primaryName } from './names.js';

/**
 * The path from the province down to the current unit. Units above the caller's own are shown as plain text:
 * the silo refuses them (403), so a link there would only lead to an error page.
 */
export function breadcrumb(path, { scopeId, href, extraClass = '' }) {
  const scopeIndex = scopeId ? path.findIndex((p) => p.id === scopeId) : -1;
  return h('nav', { class: `breadcrumb ${extraClass}`.trim(), 'aria-label': t('breadcrumb') },
    h('ol', {}, path.map((p, i) => {
      const name = primaryName(p);
      if (i === path.length - 1) return h('li', {}, h('span', { 'aria-current': 'page', text: name }));
      if (i < scopeIndex) return h('li', { class: 'out-of-scope' }, h('span', { text: name }));
      return h('li', {}, h('a', { href: href(p), text: name }));
    })));
}
