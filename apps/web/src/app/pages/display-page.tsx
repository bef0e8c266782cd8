import { useLocale, useMessages } from '../../lib/i18n';
import { useUpColor, type UpColor } from '../../lib/up-down';
import { appMessages } from '../messages';

export function DisplayPage() {
  const t = useMessages(appMessages);
  const { locale } = useLocale();
  const { saved, setSaved } = useUpColor(locale);
  const options: { value: UpColor | null; label: string }[] = [
    { value: null, label: t.upDefault },
    { value: 'red', label: t.upRed },
    { value: 'green', label: t.upGreen },
  ];
  return (
    <div className="page">
      <h1>{t.displayTitle}</h1>
      <fieldset className="radio-group">
        <legend>{t.upColor}</legend>
        {options.map((o) => (
          <label key={o.label}>
            <input
              type="radio"
              name="up-color"
              checked={saved === o.value}
              onChange={() => setSaved(o.value)}
            />
            {o.label}
          </label>
        ))}
      </fieldset>
    </div>
  );
}
