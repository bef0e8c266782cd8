/** A page's title, its one-line intro with how fresh the data is, and the page's actions. */
import type { ReactNode } from 'react';
import { useMessages } from '../../lib/i18n';
import { uiMessages } from './messages';

export function PageHead({
  title,
  intro,
  asOf,
  actions,
}: {
  title: ReactNode;
  intro?: ReactNode;
  /** The latest data day, shown after the intro as 数据截至 … / Data up to … */
  asOf?: string | null;
  actions?: ReactNode;
}) {
  const t = useMessages(uiMessages);
  return (
    <header className="page-head">
      <div>
        <h1>{title}</h1>
        {intro || asOf ? (
          <p className="muted">
            {intro} {asOf ? t.asOf(asOf) : null}
          </p>
        ) : null}
      </div>
      {actions ? <div className="page-head__actions">{actions}</div> : null}
    </header>
  );
}
