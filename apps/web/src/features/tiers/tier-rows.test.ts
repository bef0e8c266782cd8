import { describe, expect, it } from 'vitest';
import { segmentSize } from './tier-rows';

const row = (high_value: number, potential: number, ordinary: number) => ({
  high_value,
  potential,
  ordinary,
  gone: 0,
});
const tiers = {
  tiers: [
    { tier: 'high_value', customers: 5 },
    { tier: 'potential', customers: 12 },
    { tier: 'ordinary', customers: 83 },
  ],
  movement: {
    matrix: {
      high_value: row(4, 1, 0),
      potential: row(1, 8, 3),
      ordinary: row(0, 3, 80),
      new: row(0, 0, 0),
    },
  },
} as unknown as Parameters<typeof segmentSize>[0];

describe('segmentSize', () => {
  it('is a tier’s customers, or the matrix cell of a move', () => {
    expect(segmentSize(tiers, { tier: 'potential' })).toBe(12);
    expect(segmentSize(tiers, { from: 'potential', to: 'ordinary' })).toBe(3);
    expect(segmentSize(tiers, { from: 'new', to: 'gone' })).toBe(0);
  });
});
