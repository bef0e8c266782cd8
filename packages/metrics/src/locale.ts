/**
 * The two languages the dashboard and its exports speak. Every user-facing text in this package
 * (catalog names, formulas, formatted numbers) comes in both.
 */
export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** A text in every locale. */
export type Localized = Readonly<Record<Locale, string>>;

export function isLocale(x: unknown): x is Locale {
  return typeof x === 'string' && (LOCALES as readonly string[]).includes(x);
}
