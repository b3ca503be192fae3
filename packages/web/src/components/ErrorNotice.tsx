/** @jsxRuntime automatic */
import type { ApiFailure } from '../api/api-client.ts';
import { useI18n, type I18n } from '../app/i18n-context.tsx';
import type { MessageKey } from '../i18n/catalog-en.ts';
import { hasKey } from '../i18n/translate.ts';

/** A server failure in the agent's language: known codes have their own sentence, others name the code. */
export function failureText(i18n: I18n, error: ApiFailure): string {
  if (error.code === 'unauthenticated' || error.status === 401) return i18n.t('error.unauthenticated');
  if (error.status === 403 && error.code !== 'csrf_failed') return i18n.t('error.forbidden');
  if (error.code === 'rate_limited')
    return i18n.t('error.rate_limited', { seconds: Number(error.params['retryAfterSeconds'] ?? 1) });
  const key = `error.${error.code}`;
  return hasKey(key) ? i18n.t(key) : i18n.t('error.other', { code: error.code });
}

export function ErrorNotice({ error, onRetry }: { readonly error: ApiFailure; readonly onRetry?: () => void }) {
  const i18n = useI18n();
  return (
    <div className="notice notice--error" role="alert">
      <span>{failureText(i18n, error)}</span>
      {onRetry === undefined ? null : (
        <button type="button" onClick={onRetry}>
          {i18n.t('app.retry')}
        </button>
      )}
    </div>
  );
}

/**
 * A status line kept as a key or a failure rather than a sentence, so it is rendered in the current language
 * (the agent may switch language after saving).
 */
export type Notice = { readonly key: MessageKey } | { readonly error: ApiFailure };

export function noticeText(i18n: I18n, notice: Notice | undefined): string {
  if (notice === undefined) return '';
  return 'key' in notice ? i18n.t(notice.key) : failureText(i18n, notice.error);
}
