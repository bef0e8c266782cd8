/** Loading, empty and error states, the same on every page. */
import type { ReactNode } from 'react';
import { useMessages } from '../../lib/i18n';
import { uiMessages } from './messages';

export function Loading({ label }: { label?: string }) {
  const t = useMessages(uiMessages);
  return (
    <p className="state state--loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label ?? t.loading}
    </p>
  );
}

export function Empty({ children }: { children?: ReactNode }) {
  const t = useMessages(uiMessages);
  return <p className="state state--empty">{children ?? t.empty}</p>;
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useMessages(uiMessages);
  const message = error instanceof Error ? error.message : String(error);
  return (
    <div className="state state--error" role="alert">
      <p>
        <strong>{t.error}</strong> <span>{message}</span>
      </p>
      {onRetry ? (
        <button type="button" onClick={onRetry}>
          {t.retry}
        </button>
      ) : null}
    </div>
  );
}
