/**
 * What the progress bar shows, from the API's progress of a running import (rows and bytes read,
 * phase, time since start): share done, rows per second and time left. Bytes drive the share
 * and the ETA while reading; the later phases (merging, refreshing the dashboard) have no
 * honest ETA, so none is shown.
 */
export type Phase =
  'uploading' | 'reading' | 'validating' | 'merging' | 'updating_read_model' | 'done';

export interface ProgressInput {
  phase: Phase;
  rowsRead: number;
  bytesRead: number;
  totalBytes: number;
  elapsedMs: number;
}

export interface ProgressView {
  phase: Phase;
  /** 0…1; reading fills the bar up to 0.9, the phases after it the rest. */
  share: number;
  rows: number;
  rowsPerSecond: number | null;
  etaSeconds: number | null;
}

const AFTER_READING: Partial<Record<Phase, number>> = {
  validating: 0.9,
  merging: 0.93,
  updating_read_model: 0.97,
  done: 1,
};

export function progressView(p: ProgressInput): ProgressView {
  const seconds = p.elapsedMs / 1000;
  const read = p.totalBytes > 0 ? Math.min(1, p.bytesRead / p.totalBytes) : 0;
  const rowsPerSecond = seconds >= 0.5 && p.rowsRead > 0 ? p.rowsRead / seconds : null;
  let share = AFTER_READING[p.phase] ?? read * 0.9;
  let etaSeconds: number | null = null;
  if (p.phase === 'reading' || p.phase === 'uploading') {
    if (p.phase === 'uploading') share = read * 0.25;
    const bytesPerSecond = seconds > 0 ? p.bytesRead / seconds : 0;
    if (bytesPerSecond > 0 && read > 0.02) {
      etaSeconds = Math.max(0, Math.round((p.totalBytes - p.bytesRead) / bytesPerSecond));
    }
  }
  return { phase: p.phase, share: Math.min(1, share), rows: p.rowsRead, rowsPerSecond, etaSeconds };
}

/** 75 → "1:15", 3725 → "1:02:05". */
export function clock(seconds: number): string {
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}
