/**
 * The window of an analysis page: presets counted from the latest data day (as the API reports
 * it), or a custom [from, to); held in the URL search params.
 */
import { useId } from 'react';
import { useMessages } from '../../lib/i18n';
import { presetWindow, type DateWindow } from '../../lib/periods';
import { analysisMessages } from './analysis-messages';
import { WINDOW_PRESETS, type WindowPreset, type WindowSearch } from './analysis-search';

/** The window the search names, around the latest data day (inclusive). */
export function windowOf(
  search: WindowSearch,
  latestDay: string,
  fallback: WindowPreset,
): DateWindow {
  const preset = search.preset ?? fallback;
  if (preset === 'custom') {
    if (search.from && search.to && search.from < search.to)
      return { from: search.from, to: search.to };
    const { from, to } = presetWindow('last_month', latestDay);
    return { from, to };
  }
  const { from, to } = presetWindow(preset, latestDay);
  return { from, to };
}

export function WindowControls({
  search,
  window,
  fallback,
  onChange,
}: {
  search: WindowSearch;
  window: DateWindow;
  fallback: WindowPreset;
  onChange: (next: WindowSearch) => void;
}) {
  const t = useMessages(analysisMessages);
  const id = useId();
  const preset = search.preset ?? fallback;
  const label: Record<WindowPreset, string> = {
    last_week: t.lastWeek,
    this_month: t.thisMonth,
    last_month: t.lastMonth,
    last_12_months: t.last12Months,
    custom: t.custom,
  };
  return (
    <div className="controls" role="group" aria-label={t.window}>
      <fieldset className="segmented">
        <legend>{t.window}</legend>
        {WINDOW_PRESETS.map((p) => (
          <label key={p} className={preset === p ? 'is-active' : undefined}>
            <input
              type="radio"
              name={`${id}-preset`}
              value={p}
              checked={preset === p}
              onChange={() =>
                onChange(
                  p === 'custom'
                    ? { preset: p, from: window.from, to: window.to }
                    : { preset: p, from: undefined, to: undefined },
                )
              }
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
              value={window.from}
              max={window.to}
              onChange={(e) =>
                e.target.value && onChange({ preset, from: e.target.value, to: window.to })
              }
            />
          </label>
          <label>
            <span>{t.to}</span>
            <input
              type="date"
              value={window.to}
              min={window.from}
              onChange={(e) =>
                e.target.value && onChange({ preset, from: window.from, to: e.target.value })
              }
            />
          </label>
        </div>
      ) : null}
    </div>
  );
}
