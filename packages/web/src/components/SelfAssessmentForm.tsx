/** @jsxRuntime automatic */
import { useId, useState } from 'react';
import { useI18n } from '../app/i18n-context.tsx';
import { useSession } from '../app/session-context.tsx';
import { isComplete, SELF_QUESTIONS, type Ratings } from '../view/self-assessment.ts';
import { noticeText, type Notice } from './ErrorNotice.tsx';

/** The post-resolution self-assessment: the seeds' four reflective questions, 1..5 each, and a note. */
export function SelfAssessmentForm({
  conversationId,
  onSaved,
}: {
  readonly conversationId: string;
  readonly onSaved?: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const { api } = useSession();
  const [ratings, setRatings] = useState<Ratings>({});
  const [note, setNote] = useState('');
  const [message, setMessage] = useState<Notice | undefined>(undefined);
  const [saved, setSaved] = useState(false);
  const id = useId();

  const submit = async () => {
    if (!isComplete(ratings)) {
      setMessage({ key: 'self.incomplete' });
      return;
    }
    const r = await api.selfAssess(conversationId, ratings, note.trim());
    if (!r.ok) {
      setMessage({ error: r.error });
      return;
    }
    setSaved(true);
    setMessage({ key: 'self.saved' });
    onSaved?.();
  };

  return (
    <form
      className="self-assessment card"
      aria-labelledby={`${id}-h`}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2 id={`${id}-h`}>{t('self.heading')}</h2>
      <p className="muted">{t('self.intro')}</p>
      {SELF_QUESTIONS.map((q) => (
        <fieldset key={q} className="rating" disabled={saved}>
          <legend>{t(`self.q.${q}`)}</legend>
          {[1, 2, 3, 4, 5].map((n) => (
            <label key={n} className="rating__option">
              <input
                type="radio"
                name={`${id}-${q}`}
                value={n}
                checked={ratings[q] === n}
                onChange={() => setRatings({ ...ratings, [q]: n })}
              />
              <span aria-hidden="true">{n}</span>
              <span className="visually-hidden">{t('self.rating', { n })}</span>
            </label>
          ))}
        </fieldset>
      ))}
      <label htmlFor={`${id}-note`}>{t('self.note')}</label>
      <textarea
        id={`${id}-note`}
        value={note}
        rows={2}
        maxLength={2000}
        disabled={saved}
        onChange={(e) => setNote(e.target.value)}
      />
      <p>
        <button type="submit" className="primary" disabled={saved}>
          {t('self.submit')}
        </button>{' '}
        <span role="status">{noticeText(i18n, message)}</span>
      </p>
    </form>
  );
}
