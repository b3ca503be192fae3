/** @jsxRuntime automatic */
import { useId, useMemo, useState } from 'react';
import type { ConversationDetail, Scorecard, SelfAssessment } from '../api/wire-types.ts';
import { useI18n } from '../app/i18n-context.tsx';
import { useSession } from '../app/session-context.tsx';
import type { MessageKey } from '../i18n/catalog-en.ts';
import { hasKey } from '../i18n/translate.ts';
import {
  changedVerdicts,
  rescore,
  scorecardView,
  storedVerdicts,
  verdictsToSave,
  type CriterionStatus,
} from '../view/scorecard-view.ts';
import { selfScore } from '../view/self-assessment.ts';
import type { FocusEvidence } from './AssistPanel.tsx';
import { noticeText, type Notice } from './ErrorNotice.tsx';

const STATUS_MARK: Readonly<Record<CriterionStatus, string>> = { pass: '✔', fail: '✘', not_applicable: '–' };

/**
 * The scorecard: each criterion pass / fail / not applicable with links to its evidence. Leads and admins can
 * override criteria with a comment; the reviewer's verdicts and score are saved beside the automatic ones (the
 * server audits every override) and both stay visible.
 */
export function ScorecardPanel({
  detail,
  selfAssessment,
  onChanged,
  onFocus,
}: {
  readonly detail: ConversationDetail;
  readonly selfAssessment?: SelfAssessment;
  readonly onChanged: () => void;
  readonly onFocus?: FocusEvidence;
}) {
  const i18n = useI18n();
  const { t, fmt } = i18n;
  const { api, me } = useSession();
  const card: Scorecard | undefined = detail.scorecards[0];
  const view = useMemo(() => (card === undefined ? undefined : scorecardView(card.auto, card.autoScore)), [card]);
  const [verdicts, setVerdicts] = useState<Record<string, CriterionStatus>>(() =>
    storedVerdicts(card?.overrideCriteria ?? []),
  );
  const [comment, setComment] = useState(card?.overrideNote ?? '');
  const [message, setMessage] = useState<Notice | undefined>(undefined);
  const id = useId();
  const reviewer = me.user.role === 'lead' || me.user.role === 'admin';
  const criterionName = (cid: string) => (hasKey(`criterion.${cid}`) ? t(`criterion.${cid}` as MessageKey) : cid);
  const score = (s: number | null | undefined) =>
    s === null || s === undefined ? t('score.unscorable') : fmt.number(s, 1);

  if (card === undefined || view === undefined) {
    return (
      <section className="scorecard card" aria-labelledby={`${id}-h`}>
        <h2 id={`${id}-h`}>{t('score.heading')}</h2>
        <p className="muted">{t('score.none')}</p>
        <button
          type="button"
          onClick={() =>
            void api.score(detail.conversation.id).then((r) => {
              if (r.ok) onChanged();
              else setMessage({ error: r.error });
            })
          }
        >
          {t('score.create')}
        </button>{' '}
        <span role="status">{noticeText(i18n, message)}</span>
      </section>
    );
  }

  const changed = changedVerdicts(view.criteria, verdicts);
  const reviewScore = rescore(view.criteria, verdicts);
  const self = selfAssessment === undefined ? undefined : selfScore(selfAssessment.ratings);

  const save = async () => {
    if (Object.keys(changed).length > 0 && comment.trim() === '') {
      setMessage({ key: 'score.overrideNeedsComment' });
      return;
    }
    const r = await api.overrideScore(
      card.id,
      reviewScore ?? card.autoScore,
      comment.trim(),
      verdictsToSave(changed, comment),
    );
    if (!r.ok) {
      setMessage({ error: r.error });
      return;
    }
    setMessage({ key: 'score.saved' });
    onChanged();
  };

  return (
    <section className="scorecard card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('score.heading')}</h2>
      <p className="score-summary">
        <span className="score-pill">{t('score.auto', { score: score(view.score) })}</span>
        {card.overrideScore === null ? null : (
          <span className="score-pill score-pill--review">
            {t('score.override', { score: score(card.overrideScore) })}
          </span>
        )}
        {self === undefined ? null : (
          <span className="score-pill score-pill--self">{t('self.yours', { score: fmt.number(self, 1) })}</span>
        )}
      </p>
      {view.autoFailed.length === 0 ? null : (
        <p className="notice notice--error">
          {t('score.autoFailed', { criteria: view.autoFailed.map(criterionName).join(', ') })}
        </p>
      )}
      {card.reviewedAt === null ? null : (
        <p className="muted">
          {t('score.reviewedBy', {
            when: fmt.dateTime(card.reviewedAt),
            note: card.overrideNote === null || card.overrideNote === '' ? '—' : card.overrideNote,
          })}
        </p>
      )}
      <table className="criteria">
        <thead>
          <tr>
            <th scope="col">{t('score.criterion')}</th>
            <th scope="col">{t('score.autoResult')}</th>
            <th scope="col">{t('score.reviewResult')}</th>
            <th scope="col">{t('score.evidence')}</th>
          </tr>
        </thead>
        <tbody>
          {view.criteria.map((c) => {
            const verdict = verdicts[c.id];
            return (
              <tr key={c.id} className={`criterion criterion--${c.status}`}>
                <th scope="row">
                  {criterionName(c.id)}
                  {c.autoFail ? <span className="muted"> ⚑</span> : null}
                </th>
                <td>
                  <span aria-hidden="true">{STATUS_MARK[c.status]} </span>
                  {t(`score.${c.status}`)}
                </td>
                <td>
                  {reviewer ? (
                    <select
                      aria-label={`${t('score.reviewResult')}: ${criterionName(c.id)}`}
                      value={verdict ?? ''}
                      onChange={(e) => {
                        const v = e.target.value;
                        setVerdicts(
                          Object.fromEntries([
                            ...Object.entries(verdicts).filter(([k]) => k !== c.id),
                            ...(v === '' ? [] : [[c.id, v as CriterionStatus]]),
                          ]),
                        );
                      }}
                    >
                      <option value="">{t('score.keep')}</option>
                      <option value="pass">{t('score.pass')}</option>
                      <option value="fail">{t('score.fail')}</option>
                      <option value="not_applicable">{t('score.not_applicable')}</option>
                    </select>
                  ) : verdict === undefined || verdict === c.status ? (
                    '—'
                  ) : (
                    t(`score.${verdict}`)
                  )}
                </td>
                <td>
                  {c.evidence.map((e, i) => (
                    <button
                      key={i}
                      type="button"
                      className="link"
                      onClick={() => onFocus?.(e.turnIndex, e.span)}
                      title={e.span?.text}
                    >
                      {t('score.evidenceLink', { n: e.turnIndex + 1 })}
                    </button>
                  ))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {reviewer ? (
        <div className="override">
          <p>
            {t('score.auto', { score: score(view.score) })} → {t('score.override', { score: score(reviewScore) })}
          </p>
          <label htmlFor={`${id}-c`}>{t('score.comment')}</label>
          <textarea
            id={`${id}-c`}
            rows={2}
            maxLength={1800}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
          />
          <p>
            <button type="button" className="primary" onClick={() => void save()}>
              {t('score.saveOverride')}
            </button>{' '}
            <span role="status">{noticeText(i18n, message)}</span>
          </p>
        </div>
      ) : null}
    </section>
  );
}
