import { isEmotion, type Emotion } from '@attune/engine';
import type { AssistSnapshot, Message, RiskLevel } from '../api/wire-types.ts';
import { arr, field, isRecord, num, params, span, str, type Span } from './read-json.ts';

/** The six IHEART steps (seed 001), in the model's order. */
export const IHEART_STEPS = ['identify', 'hear', 'empathize', 'apologize', 'resolve', 'thank'] as const;
export type IheartStep = (typeof IHEART_STEPS)[number];

export const TRENDS = ['escalating', 'calming', 'steady'] as const;
export type Trend = (typeof TRENDS)[number];

export interface RiskReason {
  readonly code: string;
  readonly params: Readonly<Record<string, string | number>>;
  readonly turnIndex?: number;
  readonly span?: Span;
}

export interface ArcPointView {
  readonly turnIndex: number;
  readonly valence: number;
  readonly heat: number;
  readonly emotion?: Emotion;
}

export interface StepEvidence {
  readonly turnIndex: number;
  readonly text: string;
  readonly span?: Span;
  /** The learned reply-step model credited the step (no pattern matched): the panel says so. */
  readonly learned?: boolean;
}

export interface StepView {
  readonly step: IheartStep;
  readonly done: boolean;
  readonly evidence: readonly StepEvidence[];
}

/** A channel nudge: a code for the catalogs and its parameters; the email cool-down also carries its reply plan. */
export interface NudgeView {
  readonly code: string;
  readonly turnIndex?: number;
  readonly params: Readonly<Record<string, string | number>>;
  readonly plan: readonly string[];
  readonly ongoing: boolean;
}

export interface AssistView {
  readonly risk: { readonly level: RiskLevel; readonly score: number; readonly reasons: readonly RiskReason[] };
  readonly now?: { readonly emotion: Emotion; readonly intensity: number; readonly valence: number };
  readonly trend?: Trend;
  readonly arc: readonly ArcPointView[];
  readonly iheartState?: string;
  readonly steps: readonly StepView[];
  readonly nextStep?: {
    readonly code: string;
    readonly params: Readonly<Record<string, string | number>>;
    readonly turnIndex?: number;
  };
  readonly nudges: readonly NudgeView[];
  readonly phone?: { readonly agentTalkRatio: number; readonly agentPace?: number; readonly paceUnit: string };
}

/** Which steps an IHEART event shows were performed, when the server sends transitions but no per-step evidence. */
const EVENT_STEPS: Readonly<Record<string, readonly IheartStep[]>> = {
  acknowledge: ['identify', 'empathize'],
  hear: ['hear'],
  resolve: ['resolve'],
  thank: ['thank'],
};

/**
 * The messages the server's engine numbered as turns: customer and agent messages in order, the last 60 (the
 * server's live assist reads the tail). Evidence `turnIndex` values index this list.
 */
export function transcriptMessages(messages: readonly Message[]): readonly Message[] {
  return messages.filter((m) => m.role === 'customer' || m.role === 'agent').slice(-60);
}

/**
 * Reads the server's assist snapshot into what the panel shows. Anything missing or malformed is left out:
 * the risk is always there (the server guarantees it), the rest appears as the engine provides it.
 */
export function assistView(snapshot: AssistSnapshot, turns: readonly Message[] = []): AssistView {
  const d: unknown = snapshot.detail;
  const reasons: RiskReason[] = snapshot.reasons.map((r) => reasonOf(r));
  // The engine's own findings carry spans and turns; prefer them when the detail has them.
  const detailed = arr(field(field(d, 'escalation'), 'reasons')).flatMap((r) =>
    isRecord(r) && typeof r['code'] === 'string' ? [reasonOf(r)] : [],
  );

  const arcRaw = field(d, 'arc');
  const arc: ArcPointView[] = arr(field(arcRaw, 'points')).flatMap((p) => {
    const turnIndex = num(field(p, 'turnIndex'));
    const valence = num(field(p, 'valence'));
    if (turnIndex === undefined || valence === undefined) return [];
    const emotion = field(p, 'dominant');
    return [{ turnIndex, valence, heat: num(field(p, 'heat')) ?? 0, ...(isEmotion(emotion) ? { emotion } : {}) }];
  });
  const nowRaw = field(arcRaw, 'now');
  const nowEmotion = field(nowRaw, 'dominant');
  const now = isEmotion(nowEmotion)
    ? {
        emotion: nowEmotion,
        intensity: num(field(nowRaw, 'intensity')) ?? 0,
        valence: num(field(nowRaw, 'valence')) ?? 0,
      }
    : undefined;
  const trendRaw = field(arcRaw, 'trend') ?? field(d, 'trend');
  const trend = (TRENDS as readonly unknown[]).includes(trendRaw) ? (trendRaw as Trend) : undefined;

  const progress = field(d, 'progress') ?? field(d, 'iheart');
  const iheartState = str(field(progress, 'state'));
  const steps = stepsOf(d, progress, turns);

  const nextRaw = field(d, 'nextStep') ?? field(d, 'nextBestStep');
  const nextCode = str(field(nextRaw, 'code'));
  const nextTurn = num(field(nextRaw, 'turnIndex'));
  const nextStep =
    nextCode === undefined
      ? undefined
      : {
          code: nextCode,
          params: params(field(nextRaw, 'params')),
          ...(nextTurn === undefined ? {} : { turnIndex: nextTurn }),
        };

  const channel = field(d, 'channel');
  const nudges: NudgeView[] = arr(field(channel, 'findings')).flatMap((f) => {
    const code = str(field(f, 'code'));
    if (code === undefined) return [];
    const turnIndex = num(field(f, 'turnIndex'));
    const { code: _code, plan: _plan, turnIndex: _t, ...rest } = isRecord(f) ? f : {};
    return [
      {
        code,
        params: params(rest),
        plan: arr(field(f, 'plan')).flatMap((x) => (typeof x === 'string' ? [x] : [])),
        ongoing: field(f, 'ongoing') === true,
        ...(turnIndex === undefined ? {} : { turnIndex }),
      },
    ];
  });
  const phoneRaw = field(channel, 'phone');
  const ratio = num(field(phoneRaw, 'agentTalkRatio'));
  const pace = num(field(phoneRaw, 'agentPace'));
  const phone =
    ratio === undefined
      ? undefined
      : {
          agentTalkRatio: ratio,
          paceUnit: str(field(phoneRaw, 'paceUnit')) ?? 'words',
          ...(pace === undefined ? {} : { agentPace: pace }),
        };

  return {
    risk: {
      level: snapshot.riskLevel,
      score: clamp01(snapshot.riskScore),
      reasons: detailed.length > 0 ? detailed : reasons,
    },
    ...(now === undefined ? {} : { now }),
    ...(trend === undefined ? {} : { trend }),
    arc,
    ...(iheartState === undefined ? {} : { iheartState }),
    steps,
    ...(nextStep === undefined ? {} : { nextStep }),
    nudges,
    ...(phone === undefined ? {} : { phone }),
  };
}

function reasonOf(r: unknown): RiskReason {
  const p = params(field(r, 'params'));
  const s = span(field(r, 'span')) ?? span(field(field(r, 'params'), 'span'));
  const turnIndex = num(field(r, 'turnIndex')) ?? num(field(field(r, 'params'), 'turnIndex'));
  if (s !== undefined && p['phrase'] === undefined) p['phrase'] = s.text;
  if (typeof p['heat'] === 'number') p['heat'] = Math.round(p['heat'] * 100) / 100;
  return {
    code: str(field(r, 'code')) ?? 'unknown',
    params: p,
    ...(turnIndex === undefined ? {} : { turnIndex }),
    ...(s === undefined ? {} : { span: s }),
  };
}

function stepsOf(d: unknown, progress: unknown, turns: readonly Message[]): StepView[] {
  // Preferred: per-step evidence, { identify: [{ turnIndex, span }], ... }.
  const byStep = field(d, 'steps') ?? field(progress, 'steps');
  const evidence = new Map<IheartStep, StepEvidence[]>(IHEART_STEPS.map((s) => [s, []]));
  if (isRecord(byStep)) {
    for (const step of IHEART_STEPS) {
      for (const e of arr(byStep[step])) {
        const turnIndex = num(field(e, 'turnIndex'));
        if (turnIndex === undefined) continue;
        const s = span(field(e, 'span')) ?? span(e);
        const text = s?.text ?? str(field(e, 'text')) ?? turns[turnIndex]?.text ?? '';
        const learned = str(field(e, 'cue')) === 'model';
        evidence.get(step)?.push({
          turnIndex,
          text,
          ...(s === undefined ? {} : { span: s }),
          ...(learned ? { learned } : {}),
        });
      }
    }
  } else {
    for (const t of arr(field(progress, 'transitions'))) {
      const turnIndex = num(field(t, 'turnIndex'));
      const event = str(field(t, 'event'));
      if (turnIndex === undefined || event === undefined) continue;
      for (const step of EVENT_STEPS[event] ?? [])
        evidence.get(step)?.push({ turnIndex, text: turns[turnIndex]?.text ?? '' });
    }
  }
  return IHEART_STEPS.map((step) => {
    const ev = evidence.get(step) ?? [];
    return { step, done: ev.length > 0, evidence: ev };
  });
}

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0;
}
