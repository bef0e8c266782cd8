/** 周报: the week's headline figures with evidence, insights, present mode and downloads. */
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useRef } from 'react';
import { addDays } from '@yugang/metrics';
import { isoWeekOf, weekStart, type ReviewResponse } from '@yugang/contract';
import { reviewDownloads, useReview } from '../../features/review/api/get-review';
import { InsightsList } from '../../features/review/components/insights-list';
import { PresentMode } from '../../features/review/components/present-mode';
import { ReviewSections } from '../../features/review/components/review-sections';
import { reviewMessages } from '../../features/review/messages';
import { QueryState } from '../../components/ui/query-state';
import { useLocale, useMessages } from '../../lib/i18n';
import { usePageReady } from '../../lib/page-ready';

function shiftWeek(week: string, weeks: number): string {
  return isoWeekOf(addDays(weekStart(week)!, 7 * weeks));
}

export function ReviewPage() {
  const { ws } = useParams({ from: '/w/$ws' });
  const search = useSearch({ from: '/w/$ws/review' });
  const review = useReview(ws, { week: search.week });
  usePageReady(Boolean(review.data));

  return <QueryState query={review}>{(data) => <ReviewView data={data} />}</QueryState>;
}

function ReviewView({ data }: { data: ReviewResponse }) {
  const t = useMessages(reviewMessages);
  const { locale } = useLocale();
  const { ws } = useParams({ from: '/w/$ws' });
  const search = useSearch({ from: '/w/$ws/review' });
  const { print } = useSearch({ strict: false });
  const navigate = useNavigate({ from: '/w/$ws/review' });
  const presentButton = useRef<HTMLButtonElement>(null);
  const downloads = reviewDownloads(ws, data.week, locale);
  const latest = data.freshness.latestDataDay;
  const canGoForward = latest !== null && weekStart(shiftWeek(data.week, 1))! <= latest;
  const goTo = (week: string) => void navigate({ search: (prev) => ({ ...prev, week }) });
  const setPresent = (on: boolean) => {
    void navigate({ search: (prev) => ({ ...prev, present: on ? '1' : undefined }) }).then(() => {
      // back from the slides, the keyboard is where it left
      if (!on) presentButton.current?.focus();
    });
  };

  return (
    <div className={`page review-page ${print ? 'review-page--print' : ''}`}>
      <header className="page-head">
        <div>
          <h1 data-testid="review-title">{t.title(data.week)}</h1>
          <p className="muted">
            <span data-testid="review-window">
              {t.windowText(data.window.from, addDays(data.window.to, -1))}
            </span>
            {' · '}
            <span>{latest ? t.freshness(latest) : t.noData}</span>
          </p>
        </div>
        {print ? null : (
          <div className="page-head__actions">
            <nav className="week-nav" aria-label={t.week}>
              <button type="button" onClick={() => goTo(shiftWeek(data.week, -1))}>
                <span aria-hidden="true">‹ </span>
                {t.previousWeek}
              </button>
              <button
                type="button"
                onClick={() => goTo(shiftWeek(data.week, 1))}
                disabled={!canGoForward}
              >
                {t.nextWeek}
                <span aria-hidden="true"> ›</span>
              </button>
            </nav>
            <button
              type="button"
              className="primary"
              ref={presentButton}
              onClick={() => setPresent(true)}
            >
              {t.present}
            </button>
            <a className="button-link" href={downloads.pptx} download data-testid="download-pptx">
              {t.downloadPptx}
            </a>
            <a className="button-link" href={downloads.pdf} download data-testid="download-pdf">
              {t.downloadPdf}
            </a>
            <button type="button" onClick={() => window.print()}>
              {t.print}
            </button>
          </div>
        )}
      </header>
      <InsightsList review={data} locale={locale} />
      <ReviewSections
        review={data}
        locale={locale}
        footer={`${t.windowText(data.window.from, addDays(data.window.to, -1))} · ${
          latest ? t.freshness(latest) : t.noData
        }`}
      />
      {search.present && !print ? (
        <PresentMode review={data} locale={locale} onExit={() => setPresent(false)} />
      ) : null}
    </div>
  );
}
