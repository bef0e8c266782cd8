import { useParams } from '@tanstack/react-router';
import { useMe } from '../features/auth/api/get-me';

/** The signed-in user's membership in the workspace of the URL, with what their role allows. */
export function useMembership() {
  const { ws } = useParams({ strict: false });
  const me = useMe();
  const membership = me.data?.memberships.find((m) => m.slug === ws) ?? null;
  const role = membership?.role ?? 'viewer';
  return { ws: ws ?? '', membership, me: me.data, canEdit: role === 'owner' || role === 'lead' };
}
