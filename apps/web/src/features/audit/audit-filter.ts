/** Filters for the audit log: by action area (members, api_keys …), by who, and by free text. */

export interface AuditEntry {
  id: number;
  at: string;
  actorEmail: string | null;
  actorApiKeyId: number | null;
  action: string;
  target: string;
  details: Record<string, unknown>;
}

export interface AuditFilter {
  /** '' for all, else the part before the dot: `members`, `settings`, `api_keys` … */
  area: string;
  actor: string;
  text: string;
}

export const areaOf = (action: string) => action.split('.')[0] ?? action;

/** The areas present in the entries, sorted, for the filter's choices. */
export function areasOf(entries: readonly AuditEntry[]): string[] {
  return [...new Set(entries.map((e) => areaOf(e.action)))].sort();
}

export function filterAudit(entries: readonly AuditEntry[], filter: AuditFilter): AuditEntry[] {
  const actor = filter.actor.trim().toLowerCase();
  const text = filter.text.trim().toLowerCase();
  return entries.filter((e) => {
    if (filter.area && areaOf(e.action) !== filter.area) return false;
    if (actor && !(e.actorEmail ?? `key #${e.actorApiKeyId ?? ''}`).toLowerCase().includes(actor)) {
      return false;
    }
    if (text) {
      const haystack = `${e.action} ${e.target} ${JSON.stringify(e.details)}`.toLowerCase();
      if (!haystack.includes(text)) return false;
    }
    return true;
  });
}
