import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '../../lib/api-client';
import { useT } from '../../lib/i18n';

interface Health {
  status: 'ok' | 'unavailable';
  engine: 'postgres' | 'pglite';
}

export const healthQuery = () =>
  queryOptions({ queryKey: ['health'], queryFn: () => apiGet<Health>('/health') });

export function HealthStatus() {
  const t = useT();
  const { data, isPending, isError } = useQuery(healthQuery());
  if (isPending) return <p role="status">{t('loading')}</p>;
  return (
    <dl aria-label={t('health')}>
      <dt>{t('health')}</dt>
      <dd data-testid="health-status">
        {!isError && data.status === 'ok' ? t('ok') : t('unavailable')}
      </dd>
      <dt>{t('engine')}</dt>
      <dd data-testid="health-engine">{data?.engine ?? '—'}</dd>
    </dl>
  );
}
