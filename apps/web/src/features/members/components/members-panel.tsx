/**
 * Members and roles (owners): add by email with a generated password shown once, change a role,
 * remove; the API refuses to remove or demote the last owner (409 last_owner), said plainly here.
 */
import { useState, type FormEvent } from 'react';
import { ErrorState, Loading } from '../../../components/ui/status';
import { ApiError } from '../../../lib/api-client';
import { useLocale, useMessages } from '../../../lib/i18n';
import { useAddMember, useChangeRole, useMembers, useRemoveMember } from '../api/members';
import { membersMessages } from '../messages';

type Role = 'owner' | 'lead' | 'viewer';
const ROLES: Role[] = ['owner', 'lead', 'viewer'];

function problemText(error: unknown, t: (typeof membersMessages)['en']): string {
  if (error instanceof ApiError && error.code === 'last_owner') return t.lastOwner;
  if (error instanceof ApiError && error.status === 409) return t.alreadyMember;
  return t.failed(error instanceof Error ? error.message : String(error));
}

export function MembersPanel({ ws, myUserId }: { ws: string; myUserId: number | null }) {
  const t = useMessages(membersMessages);
  const { locale } = useLocale();
  const query = useMembers(ws);
  const add = useAddMember(ws);
  const change = useChangeRole(ws);
  const remove = useRemoveMember(ws);
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [shown, setShown] = useState<{ email: string; password: string | null } | null>(null);
  const failure = change.error ?? remove.error ?? add.error;

  function submit(event: FormEvent) {
    event.preventDefault();
    add.mutate(
      { email: email.trim(), role, ...(name.trim() ? { name: name.trim() } : {}) },
      {
        onSuccess: (answer) => {
          setShown({ email: answer.member.email, password: answer.generatedPassword });
          setEmail('');
          setName('');
        },
      },
    );
  }

  return (
    <section className="panel" id="members" aria-labelledby="members-title" data-testid="members">
      <h2 id="members-title">{t.title}</h2>
      <p className="muted">{t.body}</p>
      {failure ? (
        <p role="alert" className="form-error" data-testid="members-problem">
          {problemText(failure, t)}
        </p>
      ) : null}
      {shown ? (
        <div className="shown-once" role="status" data-testid="generated-password">
          <p>{shown.password ? t.generated(shown.email) : t.existing(shown.email)}</p>
          {shown.password ? <code className="secret">{shown.password}</code> : null}
          <button type="button" onClick={() => setShown(null)}>
            {t.dismiss}
          </button>
        </div>
      ) : null}
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <div className="table-scroll">
          <table className="settings-table">
            <thead>
              <tr>
                <th scope="col">{t.email}</th>
                <th scope="col">{t.name}</th>
                <th scope="col">{t.role}</th>
                <th scope="col">{t.joined}</th>
                <th scope="col">
                  <span className="sr-only">{t.remove}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {query.data.members.map((m) => (
                <tr key={m.userId} data-testid={`member-${m.email}`}>
                  <td>
                    {m.email}
                    {m.userId === myUserId ? t.you : ''}
                  </td>
                  <td>{m.name ?? ''}</td>
                  <td>
                    <select
                      aria-label={t.roleOf(m.email)}
                      value={m.role}
                      disabled={change.isPending}
                      onChange={(e) =>
                        change.mutate({ userId: m.userId, role: e.target.value as Role })
                      }
                    >
                      {ROLES.map((r) => (
                        <option key={r} value={r}>
                          {t.roleName(r)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>{new Date(m.createdAt).toLocaleDateString(locale)}</td>
                  <td>
                    <button
                      type="button"
                      aria-label={t.removeLabel(m.email)}
                      disabled={remove.isPending}
                      onClick={() => remove.mutate(m.userId)}
                    >
                      {t.remove}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form
        className="settings-form settings-form--inline"
        onSubmit={submit}
        aria-labelledby="add-member-title"
      >
        <h3 id="add-member-title">{t.addTitle}</h3>
        <label>
          <span>{t.email}</span>
          <input
            type="email"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            data-testid="member-email"
          />
        </label>
        <label>
          <span>{t.name}</span>
          <input maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          <span>{t.role}</span>
          <select
            value={role}
            onChange={(e) => setRole(e.target.value as Role)}
            data-testid="member-role"
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t.roleName(r)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="primary" disabled={add.isPending}>
          {add.isPending ? t.adding : t.add}
        </button>
      </form>
    </section>
  );
}
