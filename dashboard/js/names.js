// How units are named and ordered on every page.

// Numbers inside names compare as numbers: "Tổ dân phố 2" before "Tổ dân phố 10", as on paper.
const collator = new Intl.Collator('vi', { numeric: true });

export const compareNames = (a, b) => collator.compare(a ?? '', b ?? '');

/** The party organisation's name ("Chi bộ Tổ dân phố 26") where the silo sends it, else the unit's own name. */
export const primaryName = (unit) => unit?.partyName || unit?.name || '';

/** The administrative name, shown beside the party organisation's name when the two differ. */
export const secondaryName = (unit) => (unit?.partyName && unit.partyName !== unit.name ? unit.name : '');

export const byUnitName = (a, b) => compareNames(primaryName(a), primaryName(b));

/**
 * The administrative name alone, for the what-if page: a scenario re-plans administrative units' quotas, its report
 * and its list name units that way, so a party organisation's name from another source would name a unit twice over.
 */
export const administrativeName = (unit) => unit?.name || unit?.partyName || '';

export const byAdministrativeName = (a, b) => compareNames(administrativeName(a), administrativeName(b));
