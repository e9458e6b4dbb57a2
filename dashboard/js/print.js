import { h } from './dom.js';
import { t, dateTime } from './i18n.js';
import { primaryName } from './names.js';

// What only the printed page carries: a letterhead, the moment the figures are from, and room to sign.

const pad = (n) => String(n).padStart(2, '0');

/** The organisation's name above the title, as on the party's paper forms, with the figures' date and time. */
export function letterhead(organisation, parentOrganisation) {
  const asOf = h('p', { class: 'as-of', 'data-testid': 'print-as-of' });
  const stamp = () => { asOf.textContent = t('asOf', dateTime(new Date().toISOString())); };
  stamp();
  // The figures follow the live stream, so the time is taken again when the page is actually printed.
  window.addEventListener('beforeprint', stamp);
  const node = h('header', { class: 'letterhead print-only', 'data-testid': 'letterhead' },
    h('div', { class: 'issuer' },
      parentOrganisation ? h('p', { class: 'parent-org', text: parentOrganisation.toLocaleUpperCase('vi') }) : null,
      h('p', { class: 'org', text: organisation.toLocaleUpperCase('vi') })),
    h('div', { class: 'motto' }, h('p', { class: 'party', text: t('partyOfVietnam') }), asOf));
  return { node, close: () => window.removeEventListener('beforeprint', stamp) };
}

/** Space for the one who drew the figures up and the one who signs for the organisation. */
export function signatures(organisation) {
  const today = new Date();
  return h('footer', { class: 'signatures print-only', 'data-testid': 'signatures' },
    h('p', { class: 'place-date', text: t('placeDate', pad(today.getDate()), pad(today.getMonth() + 1), today.getFullYear()) }),
    h('div', { class: 'signers' },
      h('div', {}, h('p', { class: 'role', text: t('preparedBy') }), h('p', { class: 'hint', text: t('signHint') })),
      h('div', {}, h('p', { class: 'role', text: t('signedFor', organisation.toLocaleUpperCase('vi')) }), h('p', { class: 'hint', text: t('signHint') }))));
}

/**
 * Whose paper this is: the signed-in user's own organisation (the path holds it when the page is within their scope),
 * else the unit on the page; with the organisation above it, as a letterhead names both.
 */
export function issuingOrganisation(path, view, issuer) {
  const items = path.length ? path : [view];
  const index = Math.max(0, items.findIndex((p) => p.id === (issuer?.id ?? view.id)));
  const own = items[index] ?? view;
  const name = own.id === issuer?.id && !own.partyName && issuer.name ? issuer.name : primaryName(own);
  return { name, parent: index > 0 ? primaryName(items[index - 1]) : '' };
}
