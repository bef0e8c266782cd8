/**
 * The import kinds: one file per kind (its columns in English and the Chinese names brands use,
 * how each cell is read, the checks across rows, how staged rows merge into the base table), and
 * this registry. Adding a kind is one file beside these and one line in KINDS. docs/imports.md is
 * written from these specs.
 */
import { accountDaily } from './account-daily.js';
import { accounts } from './accounts.js';
import { channels } from './channels.js';
import { conversations } from './conversations.js';
import { costs } from './costs.js';
import { customers } from './customers.js';
import { experiments } from './experiments.js';
import { groupDaily } from './group-daily.js';
import type { KindSpec } from './kind-spec.js';
import { liveSessions } from './live-sessions.js';
import { orders } from './orders.js';

/** The registry, in the order a workspace loads them (channels before customers before orders). */
const KINDS = [
  channels,
  customers,
  orders,
  costs,
  conversations,
  groupDaily,
  accounts,
  accountDaily,
  liveSessions,
  experiments,
] as const;

export type ImportKind = (typeof KINDS)[number]['kind'];

export const IMPORT_KINDS = KINDS.map((spec) => spec.kind) as unknown as readonly [
  ImportKind,
  ...ImportKind[],
];

export const KIND_SPECS = Object.fromEntries(KINDS.map((spec) => [spec.kind, spec])) as Record<
  ImportKind,
  KindSpec
>;

export function isImportKind(value: string): value is ImportKind {
  return (IMPORT_KINDS as readonly string[]).includes(value);
}

export {
  FIELD_PARSERS,
  instant,
  parseField,
  stageColumns,
  type FieldSpec,
  type FieldType,
  type KindSpec,
  type Reference,
  type SqlRowCheck,
  type TargetColumn,
} from './kind-spec.js';
