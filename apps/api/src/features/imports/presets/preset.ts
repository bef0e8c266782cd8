/**
 * What a platform preset is: the header names one platform's export uses, how one of its rows
 * becomes a row of one of our import kinds (or is skipped, with a counted reason), and how rows
 * of one order or customer fold into one.
 */
import type { SkipReasonCode } from '@yugang/contract';
import type { ImportKind } from '../kinds/index.js';

export interface PresetContext {
  /** The channel code orders are booked to (the preset's own, or the caller's override). */
  channel: string;
  /** The workspace time zone (for unix-second timestamps). */
  timeZone: string;
}

/** One of our rows (field → cell text), or why the source row is skipped. */
export type PresetRow = { fields: Record<string, string> } | { skip: SkipReason };

/** Why a row is skipped (the texts are the contract's SKIP_REASONS). */
export type SkipReason = SkipReasonCode;

export interface FoldSpec {
  /** Rows with the same value of this output field are one. */
  key: string;
  /** Money fields added up (sub-orders each carry their own amount). */
  sum?: readonly string[];
  /** Instant fields: the earliest wins. */
  min?: readonly string[];
  /** Boolean fields: true when any row says so. */
  any?: readonly string[];
  /** The status of the order: the first row that is not cancelled, else cancelled. */
  status?: string;
  /** What a folded row counts as. */
  skip: SkipReason;
}

export interface ChannelDefinition {
  code: string;
  name: string;
  domain: 'public' | 'private';
  kind: string;
}

export interface Preset {
  name: string;
  label: { zh: string; en: string };
  kind: ImportKind;
  /** The channel its orders and new buyers belong to (orders presets). */
  channel?: ChannelDefinition;
  /** Logical column → the header names this platform has used for it (compared normalised). */
  columns: Record<string, readonly string[]>;
  /** Logical columns that identify the export: all must be in the header row. */
  required: readonly string[];
  /** The fields of our kind the preset writes, in order. */
  outputs: readonly string[];
  /** For each output field, the logical column its errors are reported against. */
  sources: Record<string, string>;
  toRow(get: (column: string) => string, ctx: PresetContext): PresetRow;
  fold?: FoldSpec;
}

export function definePreset(preset: Preset): Preset {
  return preset;
}

/** A status word → our status, or 'unpaid' (skipped); unknown words pass through as written. */
export function mapStatus(
  text: string,
  words: Record<string, 'paid' | 'shipped' | 'completed' | 'cancelled' | 'unpaid'>,
): string {
  return words[text.normalize('NFKC').replace(/\s+/g, '')] ?? text;
}

/** A unix time in seconds (the WeCom API) → 'YYYY-MM-DD' in the time zone; other text as is. */
export function unixDate(text: string, timeZone: string): string {
  if (!/^\d{9,10}$/.test(text)) return text;
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(Number(text) * 1000));
}
