import { describe, expect, it } from 'vitest';
import { areasOf, filterAudit, type AuditEntry } from './audit-filter';

const entry = (
  id: number,
  action: string,
  actorEmail: string | null,
  details = {},
): AuditEntry => ({
  id,
  at: '2025-03-01T00:00:00Z',
  actorEmail,
  actorApiKeyId: actorEmail ? null : 7,
  action,
  target: 'demo',
  details,
});

const entries = [
  entry(1, 'members.add', 'owner@x.cn', { email: 'new@x.cn' }),
  entry(2, 'api_keys.create', 'owner@x.cn', { name: 'erp' }),
  entry(3, 'settings.update', 'boss@x.cn'),
  entry(4, 'annotations.create', null),
];

describe('filterAudit', () => {
  it('lists the areas present', () => {
    expect(areasOf(entries)).toEqual(['annotations', 'api_keys', 'members', 'settings']);
  });

  it('when an area, a person or a word is asked for, then only matching entries stay', () => {
    const ids = (f: Partial<Parameters<typeof filterAudit>[1]>) =>
      filterAudit(entries, { area: '', actor: '', text: '', ...f }).map((e) => e.id);
    expect(ids({})).toEqual([1, 2, 3, 4]);
    expect(ids({ area: 'members' })).toEqual([1]);
    expect(ids({ actor: 'BOSS' })).toEqual([3]);
    expect(ids({ actor: 'key #7' })).toEqual([4]);
    expect(ids({ text: 'erp' })).toEqual([2]);
    expect(ids({ area: 'members', actor: 'boss' })).toEqual([]);
  });
});
