/**
 * Tells a headless reader the page is done: once its data is in, no part of it still shows the
 * loading state (cards that fetch their own answers) and every chart has drawn,
 * `document.body.dataset.ready = 'true'` (the server's PDF export and the e2e tests wait for it)
 * and a `yugang:data-painted` performance mark records when, from navigation start (the paint
 * bench, apps/api/bench/paint.ts, reads it; DevTools shows it in the timeline).
 */
import { useEffect } from 'react';

export const DATA_PAINTED_MARK = 'yugang:data-painted';

export function usePageReady(dataReady: boolean) {
  useEffect(() => {
    if (!dataReady) {
      delete document.body.dataset.ready;
      return;
    }
    let frame = 0;
    const check = () => {
      const charts = Array.from(document.querySelectorAll<HTMLElement>('[data-echart]'));
      const loading = document.querySelector('.state--loading') !== null;
      if (!loading && charts.every((c) => c.dataset.chartReady === 'true')) {
        if (performance.getEntriesByName(DATA_PAINTED_MARK).length === 0)
          performance.mark(DATA_PAINTED_MARK);
        document.body.dataset.ready = 'true';
      } else {
        frame = requestAnimationFrame(check);
      }
    };
    frame = requestAnimationFrame(check);
    return () => {
      cancelAnimationFrame(frame);
      delete document.body.dataset.ready;
    };
  }, [dataReady]);
}
