/** Every §1 metric, private beside public, with numerator ÷ denominator and the article's benchmark notes. */
import { metricById, formatNumber, type Locale } from '@yugang/metrics';
import { formatFigure } from '../../../lib/format';
import { useMessages } from '../../../lib/i18n';
import { compareMessages } from '../compare-messages';
import type { CompareRow } from '../compare-rows';

export function CompareTable({ rows, locale }: { rows: readonly CompareRow[]; locale: Locale }) {
  const t = useMessages(compareMessages);
  const n = (x: number) => formatNumber(x, locale, { digits: 2 });
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={t.table}>
      <table className="figure-table" data-testid="compare-table">
        <caption className="sr-only">{t.table}</caption>
        <thead>
          <tr>
            <th scope="col">{t.metric}</th>
            <th scope="col">{t.privateLabel}</th>
            <th scope="col">{t.publicLabel}</th>
            <th scope="col">{t.ratio}</th>
            <th scope="col">{t.benchmark}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const def = metricById(row.id);
            return (
              <tr key={row.id} data-metric={row.id}>
                <th scope="row" title={def.definition[locale]}>
                  {def.name[locale]}
                </th>
                {(['private', 'public'] as const).map((side) => (
                  <td
                    key={side}
                    data-testid={`compare-${row.id}-${side}`}
                    data-value={row[side].value ?? ''}
                  >
                    {formatFigure(row[side].value, def.unit, locale)}
                    <br />
                    <span className="evidence">
                      {t.evidence(n(row[side].numerator), n(row[side].denominator))}
                    </span>
                  </td>
                ))}
                <td>
                  {row.ratio === null
                    ? '—'
                    : t.times(formatNumber(row.ratio, locale, { digits: 2 }))}
                </td>
                <td style={{ textAlign: 'left', whiteSpace: 'normal' }}>
                  {row.marks.length === 0
                    ? t.noBenchmark
                    : row.marks.map((m) => m.label).join('；')}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
