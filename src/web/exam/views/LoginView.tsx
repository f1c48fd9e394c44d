import { type FormEvent, useState } from 'react';
import type { TExamMe } from '../../../contracts/exam';
import { ExamApiError, examApi } from '../api';
import { useText } from '../i18n';

/** Số báo danh + password from the credential slip. */
export function LoginView({ notice, onLoggedIn }: { notice?: string; onLoggedIn: (me: TExamMe) => void }) {
  const { t } = useText();
  const [number, setNumber] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!number.trim() || !password) {
      setError(t('required'));
      return;
    }
    setBusy(true);
    setError('');
    try {
      onLoggedIn(await examApi.login(number.trim(), password));
    } catch (err) {
      setError(err instanceof ExamApiError && err.status !== 0 ? err.message : t('errorTitle'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="center">
      <form className="card" onSubmit={submit} noValidate>
        <h1>{t('loginTitle')}</h1>
        {notice && (
          <p className="warn" role="alert">
            {notice}
          </p>
        )}
        <p>{t('loginHelp')}</p>
        <label className="field">
          <span>{t('number')}</span>
          <input
            name="number"
            autoComplete="username"
            value={number}
            onChange={(e) => setNumber(e.target.value)}
            // biome-ignore lint/a11y/noAutofocus: the only task of this page is to sign in
            autoFocus
          />
        </label>
        <label className="field">
          <span>{t('password')}</span>
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('loggingIn') : t('login')}
        </button>
      </form>
    </main>
  );
}
