/** What to load first, and a sample file with Chinese headers per kind (CSV and XLSX). */
import { useMessages } from '../../../lib/i18n';
import { templateDownloads } from '../api/get-import';
import { LOAD_ORDER } from '../kinds';
import { importsMessages } from '../messages';

export function LoadOrderNote() {
  const t = useMessages(importsMessages);
  return (
    <aside className="panel load-order" aria-labelledby="load-order-title" data-testid="load-order">
      <h2 id="load-order-title">{t.loadOrderTitle}</h2>
      <p>{t.loadOrderBody}</p>
      <p className="load-order__steps">{t.loadOrderSteps}</p>
    </aside>
  );
}

export function TemplatesCard({ ws }: { ws: string }) {
  const t = useMessages(importsMessages);
  return (
    <section className="panel" aria-labelledby="templates-title" data-testid="templates">
      <h2 id="templates-title">{t.templatesTitle}</h2>
      <p className="muted">{t.templatesBody}</p>
      <ol className="templates-list">
        {LOAD_ORDER.map((kind) => {
          const links = templateDownloads(ws, kind);
          const name = t.kindName(kind);
          return (
            <li key={kind}>
              <span>{name}</span>
              <a href={links.csv} download>
                <span className="sr-only">{t.templateLink(name)}</span>
                {t.csv}
              </a>
              <a href={links.xlsx} download>
                <span className="sr-only">{t.templateLink(name)}</span>
                {t.xlsx}
              </a>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
