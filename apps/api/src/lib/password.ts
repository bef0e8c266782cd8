import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { AppError } from '../errors/app-error.js';
import { COMMON_PASSWORDS } from './common-passwords.js';

// scrypt with a per-user salt; parameters are stored with the hash so they can be raised later.
const N = 16384;
const r = 8;
const p = 1;
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, options, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

const KEYBOARD_RUNS = [
  '1234567890',
  'qwertyuiop',
  'asdfghjkl',
  'zxcvbnm',
  'abcdefghijklmnopqrstuvwxyz',
];

/**
 * Why a new password is one attackers try first, or undefined. Refused: a listed password; a
 * listed word with digits or symbols around it (`dragon2024!`); one character repeated; a run
 * along the keyboard, the alphabet or the digits, forwards or backwards.
 */
export function commonPasswordProblem(password: string): string | undefined {
  const lower = password.normalize('NFKC').toLowerCase();
  const core = lower.replace(/^[\d\W_]+|[\d\W_]+$/g, '');
  if (COMMON_PASSWORDS.has(lower) || (core.length >= 4 && COMMON_PASSWORDS.has(core))) {
    return 'this password is among the most common ones; choose another · 该密码过于常见,请换一个';
  }
  if (/^(.)\1*$/u.test(lower))
    return 'a password of one repeated character is guessed at once · 密码不能是同一个字符重复';
  const isRun = (text: string) =>
    KEYBOARD_RUNS.some((run) => run.includes(text) || [...run].reverse().join('').includes(text));
  if (isRun(lower))
    return 'a run along the keyboard is guessed at once · 密码不能是键盘上的连续字符';
  return undefined;
}

/** Hashes a new password; every password being set passes here, so the policy is checked here. */
export async function hashPassword(password: string): Promise<string> {
  const problem = commonPasswordProblem(password);
  if (problem) throw new AppError(400, 'weak_password', problem);
  const salt = randomBytes(16);
  const key = await derive(password, salt, { N, r, p });
  return `scrypt$${N}$${r}$${p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, rr, pp, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await derive(password, Buffer.from(salt, 'base64'), {
    N: Number(n),
    r: Number(rr),
    p: Number(pp),
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A readable random password for `yg user create` without --password. */
export function generatePassword(): string {
  return randomBytes(12).toString('base64url');
}
