/**
 * Tells a headless printer the page is done: once the data is in and every chart has drawn,
 * `document.body.dataset.ready = 'true'` (the server's PDF export waits for it).
 */
import { useEffect } from 'react';

export function usePrintReady(dataReady: boolean) {
  useEffect(() => {
    if (!dataReady) {
      delete document.body.dataset.ready;
      return;
    }
    let frame = 0;
    const check = () => {
      const charts = Array.from(document.querySelectorAll<HTMLElement>('[data-echart]'));
      if (charts.every((c) => c.dataset.chartReady === 'true')) {
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
