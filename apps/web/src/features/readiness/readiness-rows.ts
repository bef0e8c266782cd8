/** The latest and previous assessments, and the radar's axes, from GET readiness. Pure. */
import type { Locale } from '@yugang/metrics';
import type { readinessContract, ResponseOf } from '@yugang/contract';

type Readiness = ResponseOf<typeof readinessContract.get>;
export type Assessment = NonNullable<Readiness['latest']>;

/** The assessment recorded just before the latest one, if any. */
export function previousAssessment(data: Readiness): Assessment | null {
  const latest = data.latest;
  if (!latest) return null;
  let best: Assessment | null = null;
  for (const a of data.history) {
    if (a.id === latest.id || a.createdAt > latest.createdAt) continue;
    if (!best || a.createdAt > best.createdAt || (a.createdAt === best.createdAt && a.id > best.id))
      best = a;
  }
  return best;
}

export interface RadarAxes {
  dimensions: string[];
  latest: (number | null)[];
  previous: (number | null)[] | null;
}

export function radarAxes(
  latest: Assessment,
  previous: Assessment | null,
  locale: Locale,
): RadarAxes {
  const keys = latest.result.dimensions.map((d) => d.dimension);
  const scoreOf = (a: Assessment, key: string) =>
    a.result.dimensions.find((d) => d.dimension === key)?.score ?? null;
  return {
    dimensions: latest.result.dimensions.map((d) => d.label[locale] ?? d.dimension),
    latest: keys.map((k) => scoreOf(latest, k)),
    previous: previous ? keys.map((k) => scoreOf(previous, k)) : null,
  };
}
