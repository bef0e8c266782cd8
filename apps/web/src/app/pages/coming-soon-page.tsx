import { useMessages } from '../../lib/i18n';
import { appMessages } from '../messages';

export function ComingSoonPage() {
  const t = useMessages(appMessages);
  return (
    <div className="page">
      <h1>{t.comingSoon}</h1>
      <p>{t.comingSoonBody}</p>
    </div>
  );
}
