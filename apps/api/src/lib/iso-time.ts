/** A timestamptz column as ISO text (pg and PGlite return a Date; a string is parsed). */
export function isoTime(value: Date | string): string {
  return value instanceof Date ? value.toISOString() : new Date(value).toISOString();
}
