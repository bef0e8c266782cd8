/** Private ROI with its formula filled in with this window's numbers, and public CAC with its own. */
import { formatNumber, type Locale } from '@yugang/metrics';
import type { ResponseOf, roiContract } from '@yugang/contract';
import { formatFigure } from '../../../lib/format';
import { useMessages } from '../../../lib/i18n';
import { roiAnalysisMessages } from '../roi-messages';

type Roi = ResponseOf<typeof roiContract.get>;

export function RoiFormula({ roi, locale }: { roi: Roi; locale: Locale }) {
  const t = useMessages(roiAnalysisMessages);
  const r = roi.privateRoi;
  const money = (v: number | null) => formatFigure(v, 'money', locale);
  return (
    <section aria-labelledby="roi-formula-title">
      <h2 id="roi-formula-title" className="section-title">
        {t.formula}
      </h2>
      <p className="formula" data-testid="roi-formula" data-value={r.value ?? ''}>
        {t.formulaText(
          money(r.privateGrossProfit),
          money(r.fixedCost),
          money(r.variableCost),
          formatFigure(r.value, 'multiple', locale),
        )}
      </p>
      <p className="muted">
        {t.margin(formatFigure(r.grossMarginRate.value, 'ratio', locale), money(r.privateGmv))}
      </p>
      <ul className="fact-list">
        <li>
          <span className="fact__name">{t.cac}</span>
          <span className="fact__value">{money(roi.publicCac.value)}</span>
          <span className="muted">
            {t.cacText(
              money(roi.publicCac.publicTrafficCost),
              formatNumber(roi.publicCac.newPublicCustomers, locale),
            )}
          </span>
        </li>
      </ul>
    </section>
  );
}
