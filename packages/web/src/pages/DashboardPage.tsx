/** @jsxRuntime automatic */
import { EMOTIONS, type Emotion } from '@attune/engine';
import { useEffect, useMemo, useState } from 'react';
import uPlot from 'uplot';
import type { ApiFailure } from '../api/api-client.ts';
import type { ConversationDetail, SelfAssessment } from '../api/wire-types.ts';
import { useI18n } from '../app/i18n-context.tsx';
import { useSession } from '../app/session-context.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { DumbbellChart } from '../components/DumbbellChart.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { UplotChart } from '../components/UplotChart.tsx';
import { IHEART_STEPS } from '../view/assist-view.ts';
import { analyseLocally, channelOf, localAssist } from '../view/local-intelligence.ts';
import {
  csatComparison,
  emotionalLoad,
  emotionsOverTime,
  iheartCoverage,
  scoreDistribution,
  SCORE_BANDS,
  selfAwarenessGap,
} from '../view/dashboard-metrics.ts';

/** How many recent conversations the dashboards read (each is one request; enough for a shift's picture). */
const SAMPLE = 40;
const SHIFT_HOURS = 8;

/** Distinct, colour-blind-friendly strokes (Okabe-Ito), in taxonomy order; the legend names each. */
const EMOTION_COLOURS: Readonly<Record<Emotion, string>> = {
  anger: '#d55e00',
  frustration: '#e69f00',
  anxiety: '#cc79a7',
  sadness: '#0072b2',
  confusion: '#56b4e9',
  gratitude: '#009e73',
  joy: '#b8a300',
  neutral: '#888888',
};

async function loadDetails(
  api: ReturnType<typeof useSession>['api'],
  ids: readonly string[],
): Promise<ConversationDetail[]> {
  const out: ConversationDetail[] = [];
  let next = 0;
  // A few requests at a time: fast enough, and gentle on a small server.
  const worker = async () => {
    while (next < ids.length) {
      const id = ids[next++] as string;
      const r = await api.conversation(id);
      if (r.ok) out.push(r.value);
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  return out;
}

/**
 * Team dashboards (leads) or the agent's own shift: customer emotions over time, IHEART coverage per agent,
 * scorecard distribution, inferred vs survey CSAT, self-assessment vs automatic score, emotional load this shift.
 */
export function DashboardPage({ own }: { readonly own: boolean }) {
  const { t, fmt, engine } = useI18n();
  const { api, me, names, inboxes } = useSession();
  const [details, setDetails] = useState<ConversationDetail[] | undefined>(undefined);
  const [assessments, setAssessments] = useState<readonly SelfAssessment[]>([]);
  const [error, setError] = useState<ApiFailure | undefined>(undefined);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const list = await api.conversations({ limit: 200 });
      if (!list.ok) {
        setError(list.error);
        return;
      }
      const mine = own ? list.value.items.filter((c) => c.assigneeId === me.user.id) : list.value.items;
      const loaded = await loadDetails(
        api,
        mine.slice(0, SAMPLE).map((c) => c.id),
      );
      // A lead's dashboard compares each team member's self-assessment with the automatic score.
      const sa = await api.selfAssessments(own ? 'mine' : 'team');
      if (cancelled) return;
      setDetails(loaded);
      if (sa.ok) setAssessments(sa.value.items);
    })();
    return () => {
      cancelled = true;
    };
  }, [api, me.user.id, own]);

  const metrics = useMemo(() => {
    if (details === undefined) return undefined;
    // Conversations the server has not assessed are read in the browser, as the conversation view does.
    const assessed = details.map((d) => {
      if (d.assist !== null) return d;
      const local = analyseLocally(
        d.messages,
        channelOf(inboxes.get(d.conversation.inboxId)?.channel),
        d.conversation.lang ?? undefined,
      );
      return local === undefined ? d : { ...d, assist: localAssist(local) };
    });
    return {
      emotions: emotionsOverTime(details),
      coverage: iheartCoverage(assessed),
      scores: scoreDistribution(details),
      csat: csatComparison(details),
      gap: selfAwarenessGap(details, assessments),
      load: emotionalLoad(details, { now: Date.now(), hours: SHIFT_HOURS }),
    };
  }, [details, assessments, inboxes]);

  if (error !== undefined) return <ErrorNotice error={error} />;
  if (details === undefined || metrics === undefined) return <p className="muted">{t('app.loading')}</p>;
  const agent = (id: string | null) => (id === null ? t('dash.unassigned') : (names.get(id) ?? id.slice(0, 8)));
  const titleOf = new Map(
    details.map((d) => [d.conversation.id, d.conversation.subject ?? d.conversation.id.slice(0, 8)]),
  );

  const emotionData: uPlot.AlignedData = [
    metrics.emotions.times as number[],
    ...EMOTIONS.map((e) => metrics.emotions.counts[e] as number[]),
  ];
  const emotionOptions: Omit<uPlot.Options, 'width' | 'height'> = {
    // Half an hour either side of the data: uPlot stretches a single time point to 1,000 days otherwise.
    scales: {
      x: {
        range: () => [(metrics.emotions.times[0] ?? 0) - 1800, (metrics.emotions.times.at(-1) ?? 0) + 1800],
      },
    },
    series: [
      { label: t('dash.time'), value: (_u, v) => (v == null ? '' : fmt.dateTime(new Date(v * 1000))) },
      ...EMOTIONS.map((e) => ({
        label: t(`emotion.${e}`),
        stroke: EMOTION_COLOURS[e],
        width: 2,
        points: { show: true, size: 5 },
      })),
    ],
    axes: [{}, { size: 36 }],
  };
  const bandLabels = SCORE_BANDS.map((b) => `${b}–${b === 80 ? 100 : b + 20}`);
  const teamBands = SCORE_BANDS.map((_, i) => metrics.scores.reduce((s, r) => s + (r.bands[i] ?? 0), 0));
  const bars = uPlot.paths.bars?.({ size: [0.6, 60] });
  const scoreOptions: Omit<uPlot.Options, 'width' | 'height'> = {
    scales: { x: { time: false, range: [-0.5, SCORE_BANDS.length - 0.5] } },
    axes: [
      { values: (_u, ticks) => ticks.map((v) => (Number.isInteger(v) ? (bandLabels[v] ?? '') : '')) },
      { size: 36 },
    ],
    series: [
      { label: t('dash.band') },
      {
        label: t('dash.team'),
        stroke: '#3d6fb6',
        fill: 'rgba(61,111,182,0.35)',
        width: 2,
        ...(bars === undefined ? {} : { paths: bars }),
        points: { show: true, size: 7 },
      },
    ],
  };

  return (
    <div className="dashboard">
      <h1>{own ? t('dash.agentHeading') : t('dash.heading')}</h1>
      <p className="muted">{t('dash.sample', { count: details.length })}</p>
      <div className="dashboard__grid">
        <section className="card" aria-labelledby="d-load">
          <h2 id="d-load">{t('dash.load')}</h2>
          <p className="muted">{t('dash.loadDescription', { hours: SHIFT_HOURS })}</p>
          {metrics.load.length === 0 ? (
            <p className="muted">{t('dash.noData')}</p>
          ) : (
            <ul className="load">
              {metrics.load.map((r) => (
                <li key={r.agentId ?? '-'} className={r.breakSuggested ? 'load--high' : undefined}>
                  <span className="load__name">{agent(r.agentId)}</span>
                  <meter
                    min={0}
                    max={6}
                    low={2}
                    high={3}
                    optimum={0}
                    value={r.intense}
                    aria-label={t('dash.loadCount', { count: r.intense })}
                  />
                  <span>{t('dash.loadCount', { count: r.intense })}</span>
                  <p className={r.breakSuggested ? 'notice notice--warn' : 'muted'}>
                    {r.breakSuggested ? (
                      <>
                        <span aria-hidden="true">☕ </span>
                        {t('dash.breakSuggested', { count: r.intense })}
                      </>
                    ) : (
                      t('dash.loadOk')
                    )}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>

        <section className="card card--wide" aria-labelledby="d-emotions">
          <h2 id="d-emotions">{t('dash.emotions')}</h2>
          <p className="muted">{t('dash.emotionsDescription')}</p>
          {metrics.emotions.times.length === 0 ? (
            <p className="muted">{t('dash.noData')}</p>
          ) : (
            <>
              <UplotChart options={emotionOptions} data={emotionData} height={220} />
              <DataTable
                caption={t('dash.emotions')}
                head={[t('dash.time'), ...EMOTIONS.map((e) => t(`emotion.${e}`))]}
                rows={metrics.emotions.times.map((time, i) => [
                  fmt.dateTime(new Date(time * 1000)),
                  ...EMOTIONS.map((e) => metrics.emotions.counts[e][i] ?? 0),
                ])}
              />
            </>
          )}
        </section>

        <section className="card card--wide" aria-labelledby="d-coverage">
          <h2 id="d-coverage">{t('dash.coverage')}</h2>
          <p className="muted">{t('dash.coverageDescription')}</p>
          {metrics.coverage.length === 0 ? (
            <p className="muted">{t('dash.noData')}</p>
          ) : (
            <table className="coverage">
              <thead>
                <tr>
                  <th scope="col">{t('dash.agent')}</th>
                  {IHEART_STEPS.map((s) => (
                    <th key={s} scope="col">
                      {engine(`step.${s}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {metrics.coverage.map((r) => (
                  <tr key={r.agentId ?? '-'}>
                    <th scope="row">
                      {agent(r.agentId)} <span className="muted">({r.conversations})</span>
                    </th>
                    {IHEART_STEPS.map((s) => (
                      <td key={s} className="coverage__cell" style={{ ['--share' as string]: r.share[s] }}>
                        <span className="coverage__bar" aria-hidden="true" />
                        {fmt.percent(r.share[s])}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>

        <section className="card" aria-labelledby="d-scores">
          <h2 id="d-scores">{t('dash.scores')}</h2>
          <p className="muted">{t('dash.scoresDescription')}</p>
          {metrics.scores.length === 0 ? (
            <p className="muted">{t('dash.noData')}</p>
          ) : (
            <>
              <UplotChart options={scoreOptions} data={[SCORE_BANDS.map((_, i) => i), teamBands]} height={180} />
              <DataTable
                caption={t('dash.scores')}
                head={[t('dash.agent'), ...bandLabels]}
                rows={[...metrics.scores.map((r) => [agent(r.agentId), ...r.bands]), [t('dash.team'), ...teamBands]]}
              />
            </>
          )}
        </section>

        <section className="card" aria-labelledby="d-csat">
          <h2 id="d-csat">{t('dash.csat')}</h2>
          <p className="muted">{t('dash.csatDescription')}</p>
          {metrics.csat.length === 0 ? (
            <p className="muted">{t('dash.noData')}</p>
          ) : (
            <DumbbellChart
              rows={metrics.csat.map((r) => ({
                label: agent(r.agentId),
                ...(r.inferred === undefined ? {} : { a: r.inferred }),
                ...(r.survey === undefined ? {} : { b: r.survey }),
              }))}
              min={1}
              max={5}
              labelA={t('dash.inferred')}
              labelB={t('dash.survey')}
              format={(x) => fmt.number(x, 1)}
            />
          )}
        </section>

        <section className="card" aria-labelledby="d-gap">
          <h2 id="d-gap">{t('dash.selfGap')}</h2>
          <p className="muted">{t('dash.selfGapDescription')}</p>
          {metrics.gap.length === 0 ? (
            <p className="muted">{t('dash.noData')}</p>
          ) : (
            <DumbbellChart
              rows={metrics.gap.map((r) => ({
                label: titleOf.get(r.conversationId) ?? r.conversationId,
                a: r.self,
                b: r.auto,
              }))}
              min={0}
              max={100}
              labelA={t('dash.selfScore')}
              labelB={t('dash.autoScore')}
              format={(x) => fmt.number(x)}
            />
          )}
        </section>
      </div>
    </div>
  );
}
