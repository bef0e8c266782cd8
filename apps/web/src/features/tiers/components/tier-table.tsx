/** Tier sizes and GMV share with their evidence. */
import { formatNumber, formatPercent, type Locale } from '@yugang/metrics';
import type { ResponseOf, tiersContract } from '@yugang/contract';
import { formatFigure } from '../../../lib/format';
import { useMessages } from '../../../lib/i18n';
import { tiersMessages } from '../messages';

type Tiers = ResponseOf<typeof tiersContract.get>;

export function TierTable({ tiers, locale }: { tiers: Tiers; locale: Locale }) {
  const t = useMessages(tiersMessages);
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={t.sizes}>
      <table className="figure-table">
        <caption className="sr-only">{t.sizes}</caption>
        <thead>
          <tr>
            <th scope="col">{t.tier}</th>
            <th scope="col">{t.customers}</th>
            <th scope="col">{t.customerShare}</th>
            <th scope="col">{t.gmv}</th>
            <th scope="col">{t.gmvShare}</th>
          </tr>
        </thead>
        <tbody>
          {tiers.tiers.map((r) => (
            <tr key={r.tier}>
              <th scope="row">{t[r.tier]}</th>
              <td data-testid={`tier-${r.tier}-customers`} data-value={r.customers}>
                {formatNumber(r.customers, locale)}
              </td>
              <td>{formatPercent(r.customerShare.value, locale)}</td>
              <td>{formatFigure(r.gmv.value, 'money', locale)}</td>
              <td>{formatPercent(r.gmvShare.value, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
