/**
 * Every figure the dashboard shows carries the inputs that made it, so a lead can defend it.
 * A ratio whose denominator is zero has value null and says why; never NaN or Infinity.
 */
export interface Evidence {
  value: number | null;
  numerator: number;
  denominator: number;
  reason?: string;
}

export function ratio(
  numerator: number,
  denominator: number,
  reason = 'denominator is zero',
): Evidence {
  if (denominator === 0) return { value: null, numerator, denominator, reason };
  return { value: numerator / denominator, numerator, denominator };
}

/** A plain figure (a count or a sum) is its own evidence. */
export function figure(value: number): Evidence {
  return { value, numerator: value, denominator: 1 };
}
