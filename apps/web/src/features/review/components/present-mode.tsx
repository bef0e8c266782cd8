/**
 * 周会模式: full screen, one section per slide, arrow keys / Page Up / Page Down (a clicker
 * sends these) / Esc, speaker notes (N), and the window and freshness on every slide.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReviewResponse } from '@yugang/contract';
import { addDays, type Locale } from '@yugang/metrics';
import { useMessages } from '../../../lib/i18n';
import { reviewMessages } from '../messages';
import { sectionInsights, speakerNotes } from '../speaker-notes';
import { HeadlineCard } from './headline-card';

const NEXT = new Set(['ArrowRight', 'ArrowDown', 'PageDown']);
const PREVIOUS = new Set(['ArrowLeft', 'ArrowUp', 'PageUp']);

export function PresentMode({
  review,
  locale,
  onExit,
}: {
  review: ReviewResponse;
  locale: Locale;
  onExit: () => void;
}) {
  const t = useMessages(reviewMessages);
  const [index, setIndex] = useState(0);
  const [notes, setNotes] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const total = review.sections.length + 1;

  const exit = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
    onExit();
  }, [onExit]);

  useEffect(() => {
    root.current?.focus();
    root.current?.requestFullscreen?.().catch(() => {
      // fullscreen needs a user gesture in some browsers: the overlay still fills the window
    });
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        exit();
      } else if (NEXT.has(event.key)) {
        event.preventDefault();
        setIndex((i) => Math.min(total - 1, i + 1));
      } else if (PREVIOUS.has(event.key)) {
        event.preventDefault();
        setIndex((i) => Math.max(0, i - 1));
      } else if (event.key === 'Home') {
        setIndex(0);
      } else if (event.key === 'End') {
        setIndex(total - 1);
      } else if (event.key === 'n' || event.key === 'N') {
        setNotes((n) => !n);
      }
    };
    const onFullscreen = () => {
      if (!document.fullscreenElement) onExit();
    };
    window.addEventListener('keydown', onKey);
    document.addEventListener('fullscreenchange', onFullscreen);
    return () => {
      window.removeEventListener('keydown', onKey);
      document.removeEventListener('fullscreenchange', onFullscreen);
    };
  }, [exit, onExit, total]);

  const section = index > 0 ? review.sections[index - 1]! : null;
  const lines = section
    ? speakerNotes(section, review.insights, locale)
    : review.insights.map((i) => i.text[locale]);
  const insights = section ? sectionInsights(section, review.insights) : review.insights;
  const windowText = t.windowText(review.window.from, addDays(review.window.to, -1));

  return (
    <div
      ref={root}
      className="present"
      role="dialog"
      aria-modal="true"
      aria-label={t.present}
      tabIndex={-1}
      data-testid="present"
      data-slide={index + 1}
    >
      <div className="present__slide">
        {section ? (
          <>
            <h2 className="present__title">{section.title[locale]}</h2>
            <div className="headline-grid headline-grid--present">
              {section.figures.map((figure) => (
                <HeadlineCard
                  key={figure.key}
                  figure={figure}
                  review={review}
                  locale={locale}
                  evidence={false}
                />
              ))}
            </div>
          </>
        ) : (
          <>
            <p className="present__kicker">{t.coverTitle}</p>
            <h2 className="present__title">{t.title(review.week)}</h2>
            <p className="present__window">{windowText}</p>
          </>
        )}
        {insights.length > 0 ? (
          <ul className="present__insights">
            {insights.map((i) => (
              <li key={i.rule}>{i.text[locale]}</li>
            ))}
          </ul>
        ) : null}
      </div>
      {notes ? (
        <aside className="present__notes" aria-label={t.notes}>
          <h3>{t.notes}</h3>
          <ul>
            {lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </aside>
      ) : null}
      <footer className="present__footer">
        <span>
          {windowText} ·{' '}
          {review.freshness.latestDataDay ? t.freshness(review.freshness.latestDataDay) : t.noData}
        </span>
        <span aria-live="polite" data-testid="slide-counter">
          {t.slideOf(index + 1, total)}
        </span>
        <span className="present__buttons">
          <button
            type="button"
            onClick={() => setIndex(Math.max(0, index - 1))}
            disabled={index === 0}
            aria-label={t.previousSlide}
          >
            <span aria-hidden="true">←</span>
          </button>
          <button
            type="button"
            onClick={() => setIndex(Math.min(total - 1, index + 1))}
            disabled={index === total - 1}
            aria-label={t.nextSlide}
          >
            <span aria-hidden="true">→</span>
          </button>
          <button type="button" onClick={() => setNotes(!notes)} aria-pressed={notes}>
            {notes ? t.hideNotes : t.showNotes}
          </button>
          <button type="button" onClick={exit}>
            {t.exitPresent}
          </button>
        </span>
      </footer>
    </div>
  );
}
