/** "Saved" or the reason a save failed, announced to screen readers. */
import { useMessages } from '../../../lib/i18n';
import { settingsMessages } from '../messages';

export function SaveState({
  mutation,
}: {
  mutation: { isSuccess: boolean; isError: boolean; error: unknown };
}) {
  const t = useMessages(settingsMessages);
  if (mutation.isError) {
    const message =
      mutation.error instanceof Error ? mutation.error.message : String(mutation.error);
    return (
      <span role="alert" className="form-error">
        {t.saveFailed(message)}
      </span>
    );
  }
  return (
    <span role="status" className="note-ok">
      {mutation.isSuccess ? t.saved : ''}
    </span>
  );
}
