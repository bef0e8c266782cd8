/** A change with ▲/▼, a sign and the user's up/down colour: never colour alone. */
import type { Delta } from '../../lib/format';
import { ARROWS } from '../../lib/format';
import { useLocale, useMessages } from '../../lib/i18n';
import { directionColor, useUpColor } from '../../lib/up-down';
import { uiMessages } from './messages';

export function DeltaBadge({ delta, label }: { delta: Delta | null; label: string }) {
  const { locale } = useLocale();
  const { upColor } = useUpColor(locale);
  const t = useMessages(uiMessages);
  if (!delta) {
    return (
      <span className="delta">
        <span className="delta__label">{label}</span> <span>—</span>
      </span>
    );
  }
  return (
    <span className="delta">
      <span className="delta__label">{label}</span>{' '}
      <span style={{ color: directionColor(delta.direction, upColor) }}>
        <span aria-hidden="true">{ARROWS[delta.direction]}</span>
        <span className="sr-only">{t[delta.direction]}</span> {delta.text}
      </span>
    </span>
  );
}
