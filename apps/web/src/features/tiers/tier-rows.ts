/** Labels and counts of GET tiers for the page: node labels per language and a move's size. Pure. */
import type { ResponseOf, tiersContract } from '@yugang/contract';

type Tiers = ResponseOf<typeof tiersContract.get>;
export type TierName = 'high_value' | 'potential' | 'ordinary';
export type FromTier = TierName | 'new';
export type ToTier = TierName | 'gone';

export const TIER_NAMES: readonly TierName[] = ['high_value', 'potential', 'ordinary'];
export const FROM_TIERS: readonly FromTier[] = [...TIER_NAMES, 'new'];
export const TO_TIERS: readonly ToTier[] = [...TIER_NAMES, 'gone'];

/** Customers a segment export will hold: a tier's size, or a move's matrix cell. */
export function segmentSize(
  tiers: Tiers,
  segment: { tier: TierName } | { from: FromTier; to: ToTier },
): number {
  if ('tier' in segment) return tiers.tiers.find((r) => r.tier === segment.tier)?.customers ?? 0;
  return tiers.movement.matrix[segment.from][segment.to];
}
