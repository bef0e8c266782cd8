import { useState, type FormEvent } from 'react';
import { ApiError } from '../../../lib/api-client';
import { useMessages } from '../../../lib/i18n';
import { useLogin } from '../api/login';
import { authMessages } from '../messages';

export function LoginForm({ onSignedIn }: { onSignedIn: () => void }) {
  const t = useMessages(authMessages);
  const login = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  function submit(event: FormEvent) {
    event.preventDefault();
    login.mutate({ email, password }, { onSuccess: onSignedIn });
  }

  const error = login.error;
  const errorText =
    error instanceof ApiError && error.status === 429 ? t.tooMany : error ? t.failed : null;

  return (
    <form className="login-form" onSubmit={submit} noValidate>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <label>
        <span>{t.email}</span>
        <input
          type="email"
          name="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
      </label>
      <label>
        <span>{t.password}</span>
        <input
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </label>
      {errorText ? (
        <p className="form-error" role="alert">
          {errorText}
        </p>
      ) : null}
      <button type="submit" className="primary" disabled={login.isPending}>
        {login.isPending ? t.submitting : t.submit}
      </button>
      <p className="hint">{t.demo}</p>
    </form>
  );
}
