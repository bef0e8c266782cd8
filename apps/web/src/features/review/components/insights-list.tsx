/** The insight sentences, each resting on numbers the review carries. */
import type { ReviewResponse } from '@yugang/contract';
import type { Locale } from '@yugang/metrics';
import { useMessages } from '../../../lib/i18n';
import { reviewMessages } from '../messages';

export function InsightsList({ review, locale }: { review: ReviewResponse; locale: Locale }) {
  const t = useMessages(reviewMessages);
  return (
    <section className="insights" aria-labelledby="insights-title">
      <h2 id="insights-title">{t.insights}</h2>
      {review.insights.length === 0 ? (
        <p>{t.noInsights}</p>
      ) : (
        <ul>
          {review.insights.map((insight) => (
            <li key={insight.rule} data-rule={insight.rule}>
              {insight.text[locale]}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
