/** Tests of the review run on a small demo workspace with a signed-in viewer of it. */
import { startTestApp, type TestApp } from '../../../test/fixtures.js';
import { loadDemo } from '../../demo/load-demo.js';
import { createSession, SESSION_COOKIE } from '../auth/sessions.js';
import { addMember } from '../members/add-member.js';

export interface ReviewDemo {
  t: TestApp;
  slug: string;
  viewer: Record<string, string>;
  userId: number;
}

export async function startReviewDemo(customers = 2_000): Promise<ReviewDemo> {
  const t = await startTestApp();
  const { workspaceId, slug } = await loadDemo(t.database, { customers, seed: 1 });
  const { userId } = await addMember(t.database.db, {
    email: 'reviewer@demo.test',
    password: 'correct horse battery',
    workspaceId,
    role: 'viewer',
    name: 'reviewer',
  });
  const { token } = await createSession(t.database.db, userId);
  return { t, slug, viewer: { cookie: `${SESSION_COOKIE}=${token}` }, userId };
}
