/** The review's sections, each a heading and its headline cards; one printed page per section. */
import type { ReviewResponse } from '@yugang/contract';
import type { Locale } from '@yugang/metrics';
import { HeadlineCard } from './headline-card';

export function ReviewSections({
  review,
  locale,
  footer,
}: {
  review: ReviewResponse;
  locale: Locale;
  /** Window and freshness, printed under every section (each section is a printed page). */
  footer: string;
}) {
  return (
    <>
      {review.sections.map((section) => (
        <section
          key={section.id}
          className="review-section"
          aria-labelledby={`section-${section.id}`}
          data-section={section.id}
        >
          <h2 id={`section-${section.id}`}>{section.title[locale]}</h2>
          <div className="headline-grid">
            {section.figures.map((figure) => (
              <HeadlineCard key={figure.key} figure={figure} review={review} locale={locale} />
            ))}
          </div>
          <p className="print-only section-footer">{footer}</p>
        </section>
      ))}
    </>
  );
}
