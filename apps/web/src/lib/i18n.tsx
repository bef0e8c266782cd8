/**
 * zh-CN (default) and English. Each feature keeps a typed messages object whose English half
 * must have exactly the Chinese half's keys, so a missing translation fails the type check;
 * test/untranslated-jsx.test.ts fails on any literal text left in JSX.
 */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Locale } from '@yugang/metrics';

export type { Locale };

type Message = string | ((...args: never[]) => string);
type Same<T> = { readonly [K in keyof T]: T[K] extends string ? string : T[K] };

export function defineMessages<const T extends Record<string, Message>>(messages: {
  'zh-CN': T;
  en: Same<T>;
}): { 'zh-CN': Same<T>; en: Same<T> } {
  return messages as { 'zh-CN': Same<T>; en: Same<T> };
}

const STORAGE_KEY = 'yugang.locale';

// Not @yugang/metrics' isLocale: importing its index would put the metric catalog in the first load.
function isLocale(x: unknown): x is Locale {
  return x === 'zh-CN' || x === 'en';
}

/** `?lang=` wins, then the saved choice, then the browser's language; Chinese by default. */
export function detectLocale(
  forced: string | undefined,
  saved: string | null,
  browser: readonly string[],
): Locale {
  if (isLocale(forced)) return forced;
  if (isLocale(saved)) return saved;
  for (const language of browser) {
    const l = language.toLowerCase();
    if (l.startsWith('zh')) return 'zh-CN';
    if (l.startsWith('en')) return 'en';
  }
  return 'zh-CN';
}

function readSaved(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

interface LocaleState {
  locale: Locale;
  setLocale: (locale: Locale) => void;
}

const LocaleContext = createContext<LocaleState>({ locale: 'zh-CN', setLocale: () => {} });

export function LocaleProvider({ forced, children }: { forced?: string; children: ReactNode }) {
  const [chosen, setChosen] = useState<Locale | null>(null);
  const locale = detectLocale(
    forced,
    chosen ?? readSaved(),
    navigator.languages ?? [navigator.language],
  );
  const setLocale = useCallback((next: Locale) => {
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // private mode: the choice lasts for this page only
    }
    setChosen(next);
  }, []);
  const value = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

export function useLocale(): LocaleState {
  return useContext(LocaleContext);
}

/** The current locale's half of a messages object. */
export function useMessages<T>(messages: { 'zh-CN': T; en: T }): T {
  return messages[useContext(LocaleContext).locale];
}
