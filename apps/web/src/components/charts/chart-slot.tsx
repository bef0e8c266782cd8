/** A chart's place while its data loads, fails or is empty, so the grid does not jump. */
import type { ReactNode } from 'react';
import { Empty, ErrorState, Loading } from '../ui/status';

export function ChartSlot({
  title,
  state,
  error,
  onRetry,
  children,
}: {
  title: string;
  state: 'pending' | 'error' | 'empty' | 'ready';
  error?: unknown;
  onRetry?: () => void;
  children?: ReactNode;
}) {
  if (state === 'ready') return <>{children}</>;
  return (
    <section className="chart-frame chart-frame--placeholder" aria-label={title}>
      <h3>{title}</h3>
      {state === 'pending' ? <Loading /> : null}
      {state === 'error' ? <ErrorState error={error} onRetry={onRetry} /> : null}
      {state === 'empty' ? <Empty /> : null}
    </section>
  );
}
