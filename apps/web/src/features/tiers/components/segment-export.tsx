/** Segment export: pick a tier or a move, see how many customers it holds, download CSV or XLSX. */
import { useId, useState } from 'react';
import { formatNumber, type Locale } from '@yugang/metrics';
import type { ResponseOf, tiersContract } from '@yugang/contract';
import { useMessages } from '../../../lib/i18n';
import { tierExportUrl } from '../api/get-tiers';
import { tiersMessages } from '../messages';
import {
  FROM_TIERS,
  segmentSize,
  TIER_NAMES,
  TO_TIERS,
  type FromTier,
  type TierName,
  type ToTier,
} from '../tier-rows';

type Tiers = ResponseOf<typeof tiersContract.get>;

export function SegmentExport({ tiers, locale, ws }: { tiers: Tiers; locale: Locale; ws: string }) {
  const t = useMessages(tiersMessages);
  const id = useId();
  const [mode, setMode] = useState<'tier' | 'move'>('tier');
  const [tier, setTier] = useState<TierName>('potential');
  const [from, setFrom] = useState<FromTier>('potential');
  const [to, setTo] = useState<ToTier>('ordinary');
  const segment = mode === 'tier' ? { tier } : { from, to };
  const query = { asOf: tiers.asOf, ...segment };
  const size = segmentSize(tiers, segment);
  const labels = {
    high_value: t.high_value,
    potential: t.potential,
    ordinary: t.ordinary,
    new: t.new,
    gone: t.gone,
  };
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="section-title">
        {t.export}
      </h2>
      <p className="muted">{t.exportIntro}</p>
      <div className="export-form">
        <fieldset className="segmented">
          <legend>{t.mode}</legend>
          {(['tier', 'move'] as const).map((m) => (
            <label key={m} className={mode === m ? 'is-active' : undefined}>
              <input
                type="radio"
                name={`${id}-mode`}
                checked={mode === m}
                onChange={() => setMode(m)}
              />
              {m === 'tier' ? t.byTier : t.byMove}
            </label>
          ))}
        </fieldset>
        {mode === 'tier' ? (
          <label className="select-label">
            <span>{t.tier}</span>
            <select
              value={tier}
              onChange={(e) => setTier(e.target.value as TierName)}
              data-testid="export-tier"
            >
              {TIER_NAMES.map((x) => (
                <option key={x} value={x}>
                  {labels[x]}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <>
            <label className="select-label">
              <span>{t.from}</span>
              <select value={from} onChange={(e) => setFrom(e.target.value as FromTier)}>
                {FROM_TIERS.map((x) => (
                  <option key={x} value={x}>
                    {labels[x]}
                  </option>
                ))}
              </select>
            </label>
            <label className="select-label">
              <span>{t.to}</span>
              <select value={to} onChange={(e) => setTo(e.target.value as ToTier)}>
                {TO_TIERS.map((x) => (
                  <option key={x} value={x}>
                    {labels[x]}
                  </option>
                ))}
              </select>
            </label>
          </>
        )}
        <strong data-testid="export-size" data-value={size}>
          {t.rows(formatNumber(size, locale))}
        </strong>
        <a href={tierExportUrl(ws, 'csv', query)} download data-testid="export-csv">
          {t.downloadCsv}
        </a>
        <a href={tierExportUrl(ws, 'xlsx', query)} download data-testid="export-xlsx">
          {t.downloadXlsx}
        </a>
      </div>
    </section>
  );
}
