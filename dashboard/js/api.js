// Every URL is relative (no leading slash) so the dashboard works under any reverse-proxy base path.
import { lang } from './i18n.js';

const TOKEN = 'hierarchy.token';
const ANON = 'hierarchy.anonymous';

export const session = {
  get token() { return sessionStorage.getItem(TOKEN) || ''; },
  set token(value) { value ? sessionStorage.setItem(TOKEN, value) : sessionStorage.removeItem(TOKEN); },
  get anonymous() { return sessionStorage.getItem(ANON) === '1'; },
  set anonymous(value) { value ? sessionStorage.setItem(ANON, '1') : sessionStorage.removeItem(ANON); },
};

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem ?? {};
  }
  /** Field → messages from a problem-details answer; keys compared case-insensitively with form field names. */
  get errors() { return this.problem.errors ?? {}; }
}

export function authHeaders(extra = {}) {
  const token = session.token;
  return token ? { ...extra, Authorization: `Bearer ${token}` } : extra;
}

export async function request(path, { method = 'GET', body, headers = {}, raw = false, signal } = {}) {
  // The server's messages in the page's language, not the browser's.
  const init = { method, headers: authHeaders({ Accept: 'application/json', 'Accept-Language': lang, ...headers }), signal };
  if (body !== undefined) {
    if (typeof body === 'string' || body instanceof Blob || body instanceof FormData) init.body = body;
    else { init.body = JSON.stringify(body); init.headers['Content-Type'] = 'application/json'; }
  }
  const response = await fetch(path, init);
  if (raw) return response;
  const type = response.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await response.json().catch(() => null) : await response.text();
  if (!response.ok) throw new ApiError(response.status, typeof data === 'object' ? data : { detail: data });
  return { data, response };
}

export const get = async (path, options) => (await request(path, options)).data;

export const unitUrl = (id, rest = '') => `api/units/${encodeURIComponent(id)}${rest}`;

/** EventSource cannot send headers, so the token travels as the query parameter the silo accepts for streams. */
export function streamUrl(id, year) {
  const query = new URLSearchParams();
  if (year) query.set('year', year);
  if (session.token) query.set('access_token', session.token);
  const q = query.toString();
  return unitUrl(id, '/stream') + (q ? `?${q}` : '');
}
