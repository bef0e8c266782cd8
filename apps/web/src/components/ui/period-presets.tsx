/**
 * The period picker every windowed page shows: presets (本周 … 近 12 个月) as a group of radios,
 * and for 自定义 a from/to pair of dates. The caller holds the choice (in the URL) and says
 * which presets it offers.
 */
import { useId } from 'react';
import { useMessages } from '../../lib/i18n';
import type { Preset } from '@yugang/contract';
import { uiMessages } from './messages';

export function PeriodPresets<P extends Preset>({
  presets,
  preset,
  from,
  to,
  onPreset,
  onRange,
}: {
  presets: readonly P[];
  preset: P;
  /** The window shown (inclusive from, exclusive to): the custom dates start from it. */
  from: string;
  to: string;
  onPreset: (preset: P) => void;
  onRange: (range: { from: string; to: string }) => void;
}) {
  const t = useMessages(uiMessages);
  const id = useId();
  const label: Record<Preset, string> = {
    this_week: t.thisWeek,
    last_week: t.lastWeek,
    this_month: t.thisMonth,
    last_month: t.lastMonth,
    last_12_months: t.last12Months,
    custom: t.custom,
  };
  return (
    <>
      <fieldset className="segmented">
        <legend>{t.window}</legend>
        {presets.map((p) => (
          <label key={p} className={preset === p ? 'is-active' : undefined}>
            <input
              type="radio"
              name={`${id}-preset`}
              value={p}
              checked={preset === p}
              onChange={() => onPreset(p)}
            />
            {label[p]}
          </label>
        ))}
      </fieldset>
      {preset === 'custom' ? (
        <div className="custom-range">
          <label>
            <span>{t.from}</span>
            <input
              type="date"
              value={from}
              max={to}
              onChange={(e) => e.target.value && onRange({ from: e.target.value, to })}
            />
          </label>
          <label>
            <span>{t.to}</span>
            <input
              type="date"
              value={to}
              min={from}
              onChange={(e) => e.target.value && onRange({ from, to: e.target.value })}
            />
          </label>
        </div>
      ) : null}
    </>
  );
}
