/** @jsxRuntime automatic */
import { useId, useState } from 'react';
import type { ApiClient } from '../api/api-client.ts';
import { useI18n } from '../app/i18n-context.tsx';
import { failureText } from '../components/ErrorNotice.tsx';
import { LanguageSwitcher } from '../components/LanguageSwitcher.tsx';

export function LoginPage({ api, onSignedIn }: { readonly api: ApiClient; readonly onSignedIn: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const id = useId();
  return (
    <main id="main" className="login">
      <div className="login__card card">
        <p className="brand">
          <span aria-hidden="true">◠‿◠ </span>
          {t('app.title')}
        </p>
        <p className="muted">{t('app.tagline')}</p>
        <h1>{t('login.heading')}</h1>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setBusy(true);
            setError('');
            void api.login(email, password).then((r) => {
              setBusy(false);
              if (r.ok) onSignedIn();
              else setError(r.error.status === 401 ? t('login.failed') : failureText(i18n, r.error));
            });
          }}
        >
          <label htmlFor={`${id}-e`}>{t('login.email')}</label>
          <input
            id={`${id}-e`}
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
          <label htmlFor={`${id}-p`}>{t('login.password')}</label>
          <input
            id={`${id}-p`}
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <p>
            <button type="submit" className="primary" disabled={busy}>
              {busy ? t('login.submitting') : t('login.submit')}
            </button>
          </p>
          {error === '' ? null : (
            <p role="alert" className="notice notice--error">
              {error}
            </p>
          )}
        </form>
        <LanguageSwitcher />
      </div>
    </main>
  );
}
