import { session, get, request, ApiError } from './api.js';
import { h, replace } from './dom.js';
import { t, lang, setLang } from './i18n.js';
import { unitPage } from './overview.js';
import { branchSection } from './branch.js';
import { quotaSection } from './quota.js';
import { auditSection } from './audit.js';
import { candidateRegister } from './candidate-register.js';
import { reportPage } from './report.js';
import { systemPage } from './system.js';
import { wireSearch } from './search.js';

const main = document.getElementById('main');
let me = null; // { unitId, role, name } of the signed-in user; anonymous demo readers have no role, admins no unit
let cleanup = () => {};
let generation = 0;
let shownPage = ''; // the page and unit on screen, so a new one opens at its top and a re-render keeps the scroll

function parseHash() {
  const [path, query = ''] = location.hash.replace(/^#\/?/, '').split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  return { page: parts[0] ?? '', id: parts[1], params: Object.fromEntries(new URLSearchParams(query)) };
}

async function identify() {
  try {
    const data = await get('api/me');
    return {
      ...data, unitId: data.unitId ?? data.unit?.id ?? null, unitPartyName: data.unitPartyName ?? data.unit?.partyName ?? null,
      anonymous: !session.token || data.anonymous === true,
    };
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/** Token-less reads exist only on a demo database from this machine; find out by trying one. */
async function anonymousAllowed() {
  const response = await fetch('api/me', { headers: { Accept: 'application/json' } }).catch(() => null);
  if (response?.ok) return true;
  const units = await fetch('api/units', { headers: { Accept: 'application/json' } }).catch(() => null);
  return Boolean(units?.ok);
}

async function homeUnit() {
  if (me?.unitId) return me.unitId;
  try {
    const data = await get('api/units');
    const list = Array.isArray(data) ? data : data?.items ?? data?.units ?? [];
    return list.find((u) => u.level === 'province')?.id ?? list[0]?.id ?? '48';
  } catch { return '48'; }
}

function signInPage(message, allowAnonymous) {
  const input = h('input', { id: 'token', type: 'password', autocomplete: 'off', required: true, 'aria-describedby': 'token-help token-error' });
  const error = h('p', { id: 'token-error', class: 'field-error', role: 'alert', text: message ?? '' });
  replace(main, h('section', { class: 'card signin' },
    h('h1', { text: t('signInTitle') }),
    h('form', {
      onsubmit: async (event) => {
        event.preventDefault();
        session.token = input.value.trim();
        session.anonymous = false;
        me = await identify().catch(() => null);
        if (!me) { session.token = ''; error.textContent = t('badToken'); input.focus(); return; }
        location.hash = me.unitId ? `#/unit/${encodeURIComponent(me.unitId)}` : '#/';
        route();
      },
    },
    h('label', { for: 'token', text: t('tokenLabel') }), input,
    h('p', { id: 'token-help', class: 'muted', text: t('tokenHelp') }), error,
    h('button', { type: 'submit', class: 'primary' }, t('signIn'))),
    allowAnonymous ? h('button', {
      type: 'button', 'data-testid': 'continue-demo', onclick: async () => {
        session.anonymous = true;
        me = (await identify().catch(() => null)) ?? { anonymous: true, unitId: null, role: null };
        route();
      },
    }, t('continueDemo')) : null));
  input.focus();
}

function renderChrome() {
  document.documentElement.lang = lang;
  document.title = t('appTitle');
  document.getElementById('brand').textContent = t('appTitle');
  document.getElementById('skip-link').textContent = t('skip');
  document.getElementById('search-label').textContent = t('search');
  document.getElementById('search-input').placeholder = t('searchPlaceholder');
  document.getElementById('tools-nav').setAttribute('aria-label', t('tools'));
  document.getElementById('nav-overview').textContent = t('overview');
  document.getElementById('nav-report').textContent = t('report');
  document.getElementById('nav-system').textContent = t('system');
  document.getElementById('nav-whatif').textContent = t('whatif');
  const langButton = document.getElementById('lang-switch');
  langButton.textContent = t('otherLang');
  langButton.lang = lang === 'vi' ? 'en' : 'vi';
  const signOut = document.getElementById('sign-out');
  signOut.hidden = !me;
  signOut.textContent = me?.anonymous ? t('signIn') : t('signOut');
  const who = document.getElementById('who');
  who.textContent = !me ? '' : me.anonymous ? t('anonymous')
    : t('signedInAs', me.name ?? me.userName ?? '', me.roleTitle || (t('roles')[me.role] ?? me.role ?? ''), me.unitPartyName || me.unitName || me.unitId || '');
}

/** The signed-in user's organisation, which a printed page is issued by. */
const issuer = () => (me?.unitId ? { id: me.unitId, name: me.unitPartyName || me.unitName } : null);

function canEditQuotas(view) {
  // Boards set quotas one level down within their subtree, never in a former unit, whose figures are kept as they
  // were; the silo decides in the end, this only hides a useless form.
  return me?.role === 'board' && view.level !== 'branch' && !view.lastDay && view.children?.length > 0;
}

function extrasFor(year) {
  return (view) => {
    const secretary = me?.role === 'branch' && me.unitId === view.id && view.level === 'branch';
    // Every reader of a branch sees its candidates; only its own secretary adds and moves them (and sees the names).
    const sources = view.level === 'branch' ? candidateRegister(view, { secretary }) : null;
    if (secretary) return { node: branchSection(view, year), lead: true, sources };
    if (me?.role === 'board') return { node: [canEditQuotas(view) ? quotaSection(view) : null, auditSection(view)], sources };
    return { sources };
  };
}

/** An admin token reads no unit (the silo answers 403); say what it is for instead of showing that error. */
function adminPage() {
  replace(main, h('section', { class: 'card', 'data-testid': 'admin' },
    h('h1', { text: t('adminTitle') }),
    h('p', { text: t('adminText') }),
    h('p', {}, h('a', { href: 'orleans/', class: 'button', text: t('openOrleans') }), ' ',
      h('a', { href: '#/system', class: 'button', text: t('system') }))));
}

function errorPage(error) {
  const text = error.status === 403 ? t('forbidden') : error.status === 404 ? t('notFound') : `${t('error')}: ${error.message}`;
  replace(main, h('section', { class: 'card error', role: 'alert', 'data-testid': 'error' },
    h('h1', { text: text }),
    error.status && error.problem?.detail ? h('p', { class: 'muted', text: error.problem.detail }) : null,
    h('p', {}, h('a', { href: '#/', class: 'button', text: t('back') }))));
}

async function route() {
  const mine = ++generation;
  cleanup();
  cleanup = () => {};
  renderChrome();
  if (!me) {
    me = await identify().catch(() => null);
    if (me?.anonymous && !session.anonymous) me = null; // a demo reader still chooses to continue without a token
    renderChrome();
  }
  if (!me) {
    signInPage(session.token ? t('badToken') : undefined, await anonymousAllowed());
    return;
  }
  const { page, id, params } = parseHash();
  if (me.role === 'admin' && page !== 'system') { adminPage(); return; }
  try {
    let stop;
    if (page === 'unit' && id) stop = await unitPage(main, { id, year: params.year, scope: me.unitId, issuer: issuer(), viewer: me }, extrasFor(params.year));
    else if (page === 'report') stop = await reportPage(main, { id: id ?? (await homeUnit()), from: params.from, to: params.to, scope: me.unitId, issuer: issuer() });
    else if (page === 'system') stop = await systemPage(main);
    else { location.replace(`#/unit/${encodeURIComponent(await homeUnit())}`); return; }
    if (mine !== generation) { stop?.(); return; }
    cleanup = stop ?? (() => {});
    const key = `${page}/${id ?? ''}`;
    if (key !== shownPage) window.scrollTo(0, 0);
    shownPage = key;
  } catch (error) {
    if (mine !== generation) return;
    if (error instanceof ApiError && error.status === 401) { session.token = ''; me = null; route(); return; }
    errorPage(error);
  }
  if (mine === generation && document.activeElement === document.body) main.focus({ preventScroll: true });
}

document.getElementById('lang-switch').addEventListener('click', () => { setLang(lang === 'vi' ? 'en' : 'vi'); route(); });
document.getElementById('sign-out').addEventListener('click', () => {
  session.token = '';
  session.anonymous = false;
  me = null;
  location.hash = '#/';
  route();
});
window.addEventListener('hashchange', route);
wireSearch(() => me, (id) => { location.hash = `#/unit/${encodeURIComponent(id)}`; });
route();

// Kept for tests and the console: the request helper under a stable name.
window.hierarchy = { request };
