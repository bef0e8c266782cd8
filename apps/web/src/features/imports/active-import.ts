/**
 * The import this browser started and is watching, kept in localStorage per workspace so the
 * progress bar comes back after a reload (the import runs on the server either way).
 */
import { useCallback, useState } from 'react';

const key = (ws: string) => `yugang.import.${ws}`;

function read(ws: string): number | null {
  try {
    const value = Number(localStorage.getItem(key(ws)));
    return Number.isInteger(value) && value > 0 ? value : null;
  } catch {
    return null;
  }
}

export function useActiveImport(ws: string): [number | null, (id: number | null) => void] {
  const [id, setId] = useState<number | null>(() => read(ws));
  const set = useCallback(
    (next: number | null) => {
      try {
        if (next === null) localStorage.removeItem(key(ws));
        else localStorage.setItem(key(ws), String(next));
      } catch {
        // private mode: the id lasts for this page only
      }
      setId(next);
    },
    [ws],
  );
  return [id, set];
}
