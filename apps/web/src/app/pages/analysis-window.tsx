/**
 * The window of an analysis page: presets counted from the latest data day (as the API reports
 * it), or a custom [from, to); held in the URL search params.
 */
import { PeriodPresets } from '../../components/ui/period-presets';
import { uiMessages } from '../../components/ui/messages';
import { useSummary } from '../../features/summary/api/get-summary';
import { useMessages } from '../../lib/i18n';
import { WINDOW_PRESETS, type DateWindow, type WindowPreset } from '@yugang/contract';
import { windowOf, type WindowSearch } from './analysis-search';

/**
 * The latest data day (from the default summary, which the dashboard's warm-up keeps cached)
 * and the window the search names around it; `window` is null until the day is known.
 */
export function useAnalysisWindow(ws: string, search: WindowSearch, fallback: WindowPreset) {
  const latest = useSummary(ws, {});
  const latestDay = latest.data?.freshness.latestDataDay ?? null;
  const window = latestDay ? windowOf(search, latestDay, fallback) : null;
  return { latest, latestDay, window };
}

export function WindowControls({
  search,
  window,
  fallback,
  onChange,
}: {
  search: WindowSearch;
  /** Null until the latest data day is known: nothing to pick from yet. */
  window: DateWindow | null;
  fallback: WindowPreset;
  onChange: (next: WindowSearch) => void;
}) {
  const t = useMessages(uiMessages);
  if (!window) return null;
  const preset = search.preset ?? fallback;
  return (
    <div className="controls" role="group" aria-label={t.window}>
      <PeriodPresets
        presets={WINDOW_PRESETS}
        preset={preset}
        from={window.from}
        to={window.to}
        onPreset={(p) =>
          onChange(
            p === 'custom'
              ? { preset: p, from: window.from, to: window.to }
              : { preset: p, from: undefined, to: undefined },
          )
        }
        onRange={(range) => onChange({ preset, ...range })}
      />
    </div>
  );
}
