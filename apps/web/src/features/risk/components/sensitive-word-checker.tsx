/** A text box that checks a mass-send text against the workspace's sensitive words and marks them. */
import { useId, useState } from 'react';
import { formatNumber, type Locale } from '@yugang/metrics';
import { ErrorState } from '../../../components/ui/status';
import { useMessages } from '../../../lib/i18n';
import { useCheckText } from '../api/get-risk';
import { riskMessages } from '../messages';
import { highlightParts } from '../risk-rows';

export function SensitiveWordChecker({ ws, locale }: { ws: string; locale: Locale }) {
  const t = useMessages(riskMessages);
  const id = useId();
  const [text, setText] = useState('');
  const check = useCheckText(ws);
  const result = check.data;
  const checked = check.variables?.text ?? '';
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="section-title">
        {t.checker}
      </h2>
      <p className="muted">{t.checkerIntro}</p>
      <form
        className="checker"
        onSubmit={(e) => {
          e.preventDefault();
          if (text.trim()) check.mutate({ text });
        }}
      >
        <label htmlFor={`${id}-text`}>{t.textLabel}</label>
        <textarea
          id={`${id}-text`}
          rows={4}
          value={text}
          maxLength={20_000}
          onChange={(e) => setText(e.target.value)}
          data-testid="checker-text"
        />
        <button type="submit" disabled={check.isPending || !text.trim()}>
          {check.isPending ? t.checking : t.check}
        </button>
      </form>
      {check.isError ? <ErrorState error={check.error} /> : null}
      {result ? (
        <div aria-live="polite" data-testid="checker-result" data-matches={result.matches.length}>
          <p className={result.flagged ? 'status-bad' : 'status-ok'}>
            {result.flagged
              ? t.flagged(formatNumber(result.matches.length, locale))
              : t.clean(formatNumber(result.words, locale))}
          </p>
          {result.flagged ? (
            <p className="checked-text">
              {highlightParts(checked, result.matches).map((part, i) =>
                part.word ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
              )}
            </p>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
