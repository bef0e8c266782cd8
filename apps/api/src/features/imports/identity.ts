import { createHmac, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

/**
 * One customer across platforms without storing a phone number: any mainland mobile number in an
 * id or phone column becomes `ph_` + HMAC-SHA256(key, digits), so the same phone in a Youzan
 * export, a WeCom list and the brand's own file meets as one customer, and nothing in the data
 * tables reveals it. The key is per workspace (workspace_secrets, read only here); with
 * YUGANG_SECRET set it is also keyed by that server secret, so a database dump alone cannot
 * rebuild the phone → hash table (mainland mobiles are few enough to enumerate).
 */

/** 11 digits starting 13–19, after dropping +86 / 0086 / 86 and spaces or dashes. */
const MOBILE = /^1[3-9]\d{9}$/;

/** The mainland mobile number a cell holds (just the 11 digits), or null. */
export function mainlandMobile(text: string): string | null {
  const n = text.length;
  if (n < 11 || n > 20) return null;
  const first = text.charCodeAt(0);
  // Cheap exit for most ids: a mobile starts with 1, +, 8 or 0 (0086).
  if (first !== 49 && first !== 43 && first !== 56 && first !== 48) return null;
  let digits = text.replace(/[\s-]/g, '');
  if (digits.startsWith('+86')) digits = digits.slice(3);
  else if (digits.startsWith('0086')) digits = digits.slice(4);
  else if (digits.length === 13 && digits.startsWith('86')) digits = digits.slice(2);
  return MOBILE.test(digits) ? digits : null;
}

export type IdHasher = (text: string) => string;

/** The hash of one phone number under a workspace key. */
export function phoneKey(key: Buffer, digits: string): string {
  return `ph_${createHmac('sha256', key).update(digits).digest('hex').slice(0, 40)}`;
}

/** Phones remembered per import (a buyer's phone repeats on each of their orders). */
const MEMO_SIZE = 200_000;

/** An id cell as stored: a phone becomes its keyed hash (remembered), anything else is kept. */
export function idHasher(key: Buffer): IdHasher {
  const memo = new Map<string, string>();
  return (text) => {
    const digits = mainlandMobile(text);
    if (digits === null) return text;
    let hashed = memo.get(digits);
    if (hashed === undefined) {
      hashed = phoneKey(key, digits);
      if (memo.size < MEMO_SIZE) memo.set(digits, hashed);
    }
    return hashed;
  };
}

let serverSecret: string | undefined;

/** YUGANG_SECRET from the configuration, set by whatever opens the configured database. */
export function useServerSecret(secret: string | undefined): void {
  serverSecret = secret;
}

/** The workspace's hash key, created on first use. */
export async function identityKey(db: Kysely<Database>, workspaceId: number): Promise<Buffer> {
  await db
    .insertInto('workspace_secrets')
    .values({ workspace_id: workspaceId, identity_key: randomBytes(32).toString('hex') })
    .onConflict((oc) => oc.column('workspace_id').doNothing())
    .execute();
  const row = await db
    .selectFrom('workspace_secrets')
    .select('identity_key')
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirstOrThrow();
  const stored = Buffer.from(row.identity_key, 'hex');
  return serverSecret ? createHmac('sha256', serverSecret).update(stored).digest() : stored;
}
