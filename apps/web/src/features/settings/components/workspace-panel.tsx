/** Workspace name, time zone, private launch date and currency (owners edit), and the colour choice. */
import type { SettingsView } from '@yugang/contract';
import { useState, type FormEvent } from 'react';
import { useMessages } from '../../../lib/i18n';
import type { UpColor } from '../../../lib/up-down';
import { useUpdateSettings } from '../api/settings';
import { settingsMessages } from '../messages';
import { SaveState } from './save-state';

const ZONES = [
  'Asia/Shanghai',
  'Asia/Hong_Kong',
  'Asia/Taipei',
  'Asia/Singapore',
  'Asia/Tokyo',
  'Europe/London',
  'America/New_York',
  'America/Los_Angeles',
  'UTC',
];

export function WorkspacePanel({
  ws,
  view,
  canEdit,
}: {
  ws: string;
  view: SettingsView;
  canEdit: boolean;
}) {
  const t = useMessages(settingsMessages);
  const [name, setName] = useState(view.name);
  const [timeZone, setTimeZone] = useState(view.timeZone);
  const [launch, setLaunch] = useState(view.privateLaunchedOn ?? '');
  const update = useUpdateSettings(ws);
  const zones = ZONES.includes(view.timeZone) ? ZONES : [view.timeZone, ...ZONES];

  function submit(event: FormEvent) {
    event.preventDefault();
    update.mutate({
      ...(name.trim() !== view.name ? { name: name.trim() } : {}),
      ...(timeZone !== view.timeZone ? { timeZone } : {}),
      ...((launch || null) !== view.privateLaunchedOn ? { privateLaunchedOn: launch || null } : {}),
    });
  }

  const colours: { value: UpColor | null; label: string }[] = [
    { value: null, label: t.upDefault },
    { value: 'red', label: t.upRed },
    { value: 'green', label: t.upGreen },
  ];

  return (
    <section className="panel" id="workspace" aria-labelledby="workspace-title">
      <h2 id="workspace-title">{t.workspaceTitle}</h2>
      <form className="settings-form" onSubmit={submit}>
        <fieldset disabled={!canEdit}>
          <label>
            <span>{t.name}</span>
            <input
              required
              maxLength={100}
              value={name}
              onChange={(e) => setName(e.target.value)}
              data-testid="workspace-name"
            />
          </label>
          <label>
            <span>{t.timeZone}</span>
            <select value={timeZone} onChange={(e) => setTimeZone(e.target.value)}>
              {zones.map((zone) => (
                <option key={zone} value={zone}>
                  {zone}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{t.launchDate}</span>
            <input type="date" value={launch} onChange={(e) => setLaunch(e.target.value)} />
          </label>
          <label>
            <span>{t.currency}</span>
            <input value={view.currency} readOnly aria-describedby="currency-note" />
            <small id="currency-note" className="muted">
              {t.currencyFixed}
            </small>
          </label>
        </fieldset>
        {canEdit ? (
          <div className="settings-form__actions">
            <button type="submit" className="primary" disabled={update.isPending}>
              {update.isPending ? t.saving : t.save}
            </button>
            <SaveState mutation={update} />
          </div>
        ) : null}
      </form>
      <fieldset className="radio-group">
        <legend>{t.upColor}</legend>
        {colours.map((o) => (
          <label key={o.label}>
            <input
              type="radio"
              name="up-color"
              disabled={!canEdit || update.isPending}
              checked={view.settings.upColor === o.value}
              onChange={() => update.mutate({ settings: { upColor: o.value } })}
            />
            {o.label}
          </label>
        ))}
      </fieldset>
    </section>
  );
}
