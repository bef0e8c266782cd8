import { describe, expect, it } from 'vitest';
import { idHasher, mainlandMobile, phoneKey } from '../identity.js';
import { cleanCell, plainAmount } from '../values.js';

describe('phone identity', () => {
  it('finds a mainland mobile however it is written, and nothing else', () => {
    for (const text of [
      '13912345678',
      '+86 139-1234-5678',
      '0086 13912345678',
      '86 139 1234 5678',
      '139 1234 5678',
    ]) {
      expect(mainlandMobile(text), text).toBe('13912345678');
    }
    for (const text of [
      '139****5678',
      '12912345678',
      '1391234567',
      '139123456789',
      'C13912345678',
      '3412345678901234501',
      '010-12345678',
    ]) {
      expect(mainlandMobile(text), text).toBeNull();
    }
  });

  it('hashes a phone the same way every time under one key, differently under another', () => {
    const key = Buffer.alloc(32, 1);
    const hash = idHasher(key);
    expect(hash('+86 139-1234-5678')).toBe(hash('13912345678'));
    expect(hash('13912345678')).toBe(phoneKey(key, '13912345678'));
    expect(hash('13912345678')).toMatch(/^ph_[0-9a-f]{40}$/);
    expect(hash('13912345678')).not.toContain('13912345678');
    expect(idHasher(Buffer.alloc(32, 2))('13912345678')).not.toBe(hash('13912345678'));
    expect(hash('tmall:tb_小王')).toBe('tmall:tb_小王');
  });
});

describe('cells as platforms write them', () => {
  it('strips formula text, tabs and apostrophes', () => {
    expect(cleanCell('="3412345678901234501"')).toBe('3412345678901234501');
    expect(cleanCell('="3412345678901234501')).toBe('3412345678901234501');
    expect(cleanCell('\t3412345678901234506')).toBe('3412345678901234506');
    expect(cleanCell("'13912345678")).toBe('13912345678');
    expect(cleanCell(' 交易成功 ')).toBe('交易成功');
  });

  it('reads currency signs and thousands separators, and leaves anything else for the parser', () => {
    expect(plainAmount('¥1,299.00')).toBe('1299.00');
    expect(plainAmount('￥12')).toBe('12');
    expect(plainAmount('1,024.50元')).toBe('1024.50');
    expect(plainAmount('12,34')).toBe('12,34');
  });
});
