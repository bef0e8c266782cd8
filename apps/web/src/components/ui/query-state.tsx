/**
 * The loading, error and empty scaffolding around one query's answer, the same on every page:
 * an error (with retry) wins, then loading until the data is in (also while the query waits
 * for what it depends on), then the empty state when `isEmpty` says so, else `children(data)`.
 * Without children it is the state alone, for a page that cannot go on without the answer:
 * error, loading, or (the answer is in but holds nothing to go on) empty.
 */
import type { ReactNode } from 'react';
import { Empty, ErrorState, Loading } from './status';

export interface QueryLike<T> {
  data: T | undefined;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
}

export function QueryState<T>({
  query,
  isEmpty,
  empty,
  children,
}: {
  query: QueryLike<T>;
  isEmpty?: (data: T) => boolean;
  /** What the empty state says (default: 暂无数据 / No data yet). */
  empty?: ReactNode;
  children?: (data: T) => ReactNode;
}) {
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data === undefined) return <Loading />;
  if (!children || isEmpty?.(query.data)) return <Empty>{empty}</Empty>;
  return <>{children(query.data)}</>;
}
