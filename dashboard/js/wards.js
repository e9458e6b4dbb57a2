import { get, unitUrl } from './api.js';
import { primaryName } from './names.js';

// The ward a branch belongs to, for the feed: a branch's own name ("Chi bộ Thôn 1") repeats in every ward.
const known = new Map(); // branch id → ward name, or a promise while it is being looked up

/** The ward's name if known; otherwise looks it up once and calls `resolved` when it arrives. */
export function wardOf(branchId, resolved) {
  const value = known.get(branchId);
  if (typeof value === 'string') return value;
  if (!value) {
    known.set(branchId, get(unitUrl(branchId, '/path'))
      .then((path) => { known.set(branchId, primaryName(path.at(-2)) || ''); resolved(); })
      .catch(() => known.set(branchId, '')));
  }
  return undefined;
}

/** Wards already on screen need no lookup: the page's own unit when it is a ward, or a branch's parent. */
export function rememberWard(branchId, wardName) {
  if (branchId && wardName) known.set(branchId, wardName);
}
