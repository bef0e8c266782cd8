/**
 * Which colour means "up": the user's saved choice, else the workspace's setting (an owner sets
 * it under 设置), else the Chinese convention (red up, green down) for zh-CN and the Western one
 * for English. Colour is never the only
 * cue: every delta also has ▲/▼ and a sign.
 */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Locale } from '@yugang/metrics';
import type { Direction } from './format';

export type UpColor = 'red' | 'green';
const STORAGE_KEY = 'yugang.upColor';
const RED = '#c62828';
const GREEN = '#1b7a3a';
const NEUTRAL = '#57606a';

export function defaultUpColor(locale: Locale): UpColor {
  return locale === 'zh-CN' ? 'red' : 'green';
}

/** The user's choice, else the workspace's, else the reader's language. */
export function resolveUpColor(
  saved: UpColor | null,
  workspace: UpColor | null,
  locale: Locale,
): UpColor {
  return saved ?? workspace ?? defaultUpColor(locale);
}

export function directionColor(direction: Direction, up: UpColor): string {
  if (direction === 'flat') return NEUTRAL;
  const isUp = direction === 'up';
  return isUp === (up === 'red') ? RED : GREEN;
}

function readSaved(): UpColor | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === 'red' || value === 'green' ? value : null;
  } catch {
    return null;
  }
}

interface UpColorState {
  saved: UpColor | null;
  setSaved: (value: UpColor | null) => void;
  /** The workspace's setting, once its settings have loaded. */
  workspace: UpColor | null;
  setWorkspace: (value: UpColor | null) => void;
}

const UpColorContext = createContext<UpColorState>({
  saved: null,
  setSaved: () => {},
  workspace: null,
  setWorkspace: () => {},
});

export function UpColorProvider({ children }: { children: ReactNode }) {
  const [saved, setState] = useState<UpColor | null>(readSaved);
  const setSaved = useCallback((value: UpColor | null) => {
    try {
      if (value) localStorage.setItem(STORAGE_KEY, value);
      else localStorage.removeItem(STORAGE_KEY);
    } catch {
      // private mode: the choice lasts for this page only
    }
    setState(value);
  }, []);
  const [workspace, setWorkspace] = useState<UpColor | null>(null);
  const value = useMemo(
    () => ({ saved, setSaved, workspace, setWorkspace }),
    [saved, setSaved, workspace],
  );
  return <UpColorContext.Provider value={value}>{children}</UpColorContext.Provider>;
}

export function useUpColor(locale: Locale): UpColorState & { upColor: UpColor } {
  const state = useContext(UpColorContext);
  return { ...state, upColor: resolveUpColor(state.saved, state.workspace, locale) };
}
