/**
 * What an import kind is: the spec type every kind file fills in (columns, cell types, checks,
 * merge), the helpers those files share, and how a field is staged and parsed.
 */
import {
  parseBoolean,
  parseCategory,
  parseCount,
  parseDate,
  parseDomain,
  parseId,
  parseInstant,
  parseMoney,
  parseMonth,
  parsePhone,
  parseRate,
  parseStatus,
  parseText,
} from '../values.js';

export type FieldType =
  | 'id'
  | 'phone'
  | 'text'
  | 'instant'
  | 'date'
  | 'month'
  | 'money'
  | 'money_nonneg'
  | 'count'
  | 'rate'
  | 'bool'
  | 'status'
  | 'domain'
  | 'category';

export interface FieldSpec {
  name: string;
  /** Other header names, Chinese first. Compared after normaliseHeader. */
  aliases: readonly string[];
  type: FieldType;
  required: boolean;
  /** Shown in docs/imports.md. */
  note?: string;
}

/** A value another table must already hold (or, with `orInFile`, another row of this file). */
export interface Reference {
  field: string;
  table: string;
  column: string;
  what: string;
  orInFile?: string;
}

/** A rule on one staged row, in SQL over `s` (the stage) and `w` (the workspace). */
export interface SqlRowCheck {
  field: string;
  /** True when the row breaks the rule. */
  breaks: string;
  reason: string;
}

export interface TargetColumn {
  column: string;
  expr: string;
  /** The file field this column comes from: only updated on re-import when the file has it. */
  field: string;
}

export interface KindSpec<K extends string = string> {
  kind: K;
  table: string;
  fields: readonly FieldSpec[];
  /** Fields that identify a row; duplicates inside one file are rejected. */
  key: readonly string[];
  references: readonly Reference[];
  /**
   * Fields that name the customer a row is about (customer id, phone): at least one must be a
   * column of the file, and a row with none of them filled is skipped as no_stable_id. They are
   * resolved through the customer's known identifiers (customer-identities.ts).
   */
  identity?: readonly string[];
  /** Cross-field rules on one row, in TS: return a problem or null. */
  rowCheck?: (get: (field: string) => unknown) => { field: string; reason: string } | null;
  sqlChecks: readonly SqlRowCheck[];
  merge: {
    /** Statements run before the upsert (e.g. create the groups a group_daily file names). */
    before?: readonly string[];
    from: string;
    conflict: readonly string[];
    columns: readonly TargetColumn[];
  };
}

export const f = (
  name: string,
  type: FieldType,
  required: boolean,
  aliases: readonly string[],
  note?: string,
): FieldSpec =>
  note ? { name, type, required, aliases, note } : { name, type, required, aliases };

/** `coalesce(s.x_abs, s.x_local at time zone w.time_zone)`: the instant of a staged time. */
export const instant = (field: string) =>
  `coalesce(s.${field}_abs, s.${field}_local at time zone w.time_zone)`;

export const FROM_STAGE = 'stage s cross join workspaces w';

/** Header names of a phone column in our own layout (platform exports have their own, presets/). */
export const PHONE_ALIASES = ['手机号', '手机', '手机号码', '联系电话', 'mobile'] as const;

/** Declares a kind, keeping its name as a literal type (ImportKind is read from the registry). */
export function defineKind<K extends string>(spec: KindSpec<K>): KindSpec<K> {
  return spec;
}

/** Staging columns of one field: name and Postgres type. */
export function stageColumns(field: FieldSpec): [string, string][] {
  switch (field.type) {
    case 'instant':
      return [
        [`${field.name}_local`, 'timestamp'],
        [`${field.name}_abs`, 'timestamptz'],
      ];
    case 'money':
    case 'money_nonneg':
      return [[`${field.name}_fen`, 'bigint']];
    case 'date':
    case 'month':
      return [[field.name, 'date']];
    case 'count':
      return [[field.name, 'integer']];
    case 'rate':
      return [[field.name, 'numeric(6, 4)']];
    case 'bool':
      return [[field.name, 'boolean']];
    default:
      return [[field.name, 'text']];
  }
}

/** Cell text (trimmed, non-empty) → the typed value. Throws ValueError. */
export function parseField(field: FieldSpec, text: string): unknown {
  return FIELD_PARSERS[field.type](text);
}

const parseNonNegativeMoney = (text: string) => parseMoney(text, 0);

/** The parser of each field type, looked up once per column by the row converter. */
export const FIELD_PARSERS: Record<FieldType, (text: string) => unknown> = {
  id: parseId,
  phone: parsePhone,
  text: parseText,
  instant: parseInstant,
  date: parseDate,
  month: parseMonth,
  money: parseMoney,
  money_nonneg: parseNonNegativeMoney,
  count: parseCount,
  rate: parseRate,
  bool: parseBoolean,
  status: parseStatus,
  domain: parseDomain,
  category: parseCategory,
};
