/** Period presets (本周 … 自定义), comparison (环比 / 同比) and trend span; all held in the URL. */
import { useId } from 'react';
import { PeriodPresets } from '../../../components/ui/period-presets';
import { useMessages } from '../../../lib/i18n';
import { PRESETS, type Comparison, type Preset } from '@yugang/contract';
import { trendsMessages } from '../messages';

export interface TrendsControlsValue {
  preset: Preset;
  from: string;
  to: string;
  comparison: Comparison;
  span: 12 | 24;
}

export function TrendsControls({
  value,
  onChange,
}: {
  value: TrendsControlsValue;
  onChange: (next: Partial<TrendsControlsValue>) => void;
}) {
  const t = useMessages(trendsMessages);
  const id = useId();
  return (
    <div className="controls" role="group" aria-label={t.window}>
      <PeriodPresets
        presets={PRESETS}
        preset={value.preset}
        from={value.from}
        to={value.to}
        onPreset={(preset) => onChange({ preset })}
        onRange={(range) => onChange(range)}
      />
      <fieldset className="segmented">
        <legend>{t.comparison}</legend>
        {(['previous', 'year_ago'] as const).map((c) => (
          <label key={c} className={value.comparison === c ? 'is-active' : undefined}>
            <input
              type="radio"
              name={`${id}-comparison`}
              value={c}
              checked={value.comparison === c}
              onChange={() => onChange({ comparison: c })}
            />
            {c === 'previous' ? t.previous : t.yearAgo}
          </label>
        ))}
      </fieldset>
      <label className="select-label">
        <span>{t.span}</span>
        <select
          value={value.span}
          onChange={(e) => onChange({ span: Number(e.target.value) === 24 ? 24 : 12 })}
        >
          <option value={12}>{t.months12}</option>
          <option value={24}>{t.months24}</option>
        </select>
      </label>
    </div>
  );
}
