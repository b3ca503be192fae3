import { readFile } from 'node:fs/promises';
import {
  coachContextFrom,
  coachContextFromMessage,
  coachDraft,
  createConversationAnalyzer,
  heatOf,
  IHEART_STEPS,
  parseConversation,
  renderMessage,
  UPSET_HEAT,
  UPSET_VALENCE,
  type CoachContext,
  type ConversationAnalysis,
  type MessageKey,
} from '@attune/engine';
import { EXIT, type CliIo, type ExitCode } from '../cli-io.ts';
import { booleanFlag, parseCommandArgs, stringFlag } from '../args/parse-command-args.ts';
import { endParse, usageError } from '../args/usage-error.ts';

export const summary = 'Coach a draft reply: negative language, blame, cliches, missing time frames, tone, ...';

export const usage = `Usage:
  attune coach --draft "reply text" [--conversation FILE.json | --customer "message"] [--json] [--lang en|zh|ru]

Reads the reply an agent is about to send and lists what to change, each finding with its severity,
the words it is about and, where possible, a rewrite in the draft's language. With a conversation (or the
customer's last message) the coach also checks the context: a missing apology for our fault, closing before
the customer confirmed, a tone that does not fit the customer, ignoring their name or order number.

Flags:
      --draft TEXT          the reply being written (required)
      --conversation FILE   the conversation so far, JSON: {"channel", "turns": [{"role", "text", "at"?}],
                            "customer"?: {"name", "orderId"}}; - for stdin
      --customer TEXT       or just the customer's last message
      --channel NAME        chat, email, phone or social (default: the conversation's, else chat)
      --json                print one JSON object instead of text
      --lang CODE           language of the explanations (default: the draft's language)
      --model PATH          a model file instead of the shipped model

Exit codes:
  0  coached (findings or not)
  2  usage error, or the conversation file is not a valid conversation

Examples:
  attune coach --draft "I can't refund that."
  attune coach --draft "You should have read the terms." --customer "My parcel arrived broken!"
  attune coach --draft "Мы разберёмся." --conversation chat.json --json
`;

const OPTIONS = {
  draft: { type: 'string', short: 'd' },
  conversation: { type: 'string', short: 'c' },
  customer: { type: 'string' },
  channel: { type: 'string' },
  json: { type: 'boolean' },
  lang: { type: 'string', short: 'l' },
  model: { type: 'string' },
} as const;

const CHANNELS = ['chat', 'email', 'phone', 'social'] as const;

async function readStdin(io: CliIo): Promise<string> {
  let text = '';
  for await (const chunk of io.stdin)
    text += typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8');
  return text;
}

export async function run(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const parsed = parseCommandArgs(argv, OPTIONS);
  if (parsed.kind !== 'ok') return endParse(io, 'coach', usage, parsed);
  const { values } = parsed;
  const fail = (message: string): ExitCode => usageError(io, 'coach', message, usage);
  const draft = stringFlag(values, 'draft');
  if (draft === undefined) return fail('--draft is required');
  const conversationPath = stringFlag(values, 'conversation');
  const customer = stringFlag(values, 'customer');
  if (conversationPath !== undefined && customer !== undefined)
    return fail('give --conversation or --customer, not both');
  const channelFlag = stringFlag(values, 'channel');
  if (channelFlag !== undefined && !(CHANNELS as readonly string[]).includes(channelFlag)) {
    return fail(`--channel must be one of ${CHANNELS.join(', ')}, got "${channelFlag}"`);
  }
  const channel = channelFlag as (typeof CHANNELS)[number] | undefined;

  let context: CoachContext | undefined;
  let analysis: ConversationAnalysis | undefined;
  if (conversationPath !== undefined || customer !== undefined) {
    const modelPath = stringFlag(values, 'model');
    const analyzer = await io.loadAnalyzer(modelPath === undefined ? {} : { modelPath });
    if (conversationPath !== undefined) {
      let raw: string;
      try {
        raw = conversationPath === '-' ? await readStdin(io) : await readFile(conversationPath, 'utf8');
      } catch (error) {
        return fail(`cannot read ${conversationPath}: ${(error as Error).message}`);
      }
      let json: unknown;
      try {
        json = JSON.parse(raw);
      } catch (error) {
        return fail(`${conversationPath} is not JSON: ${(error as Error).message}`);
      }
      const conversation = parseConversation(json);
      if (!conversation.ok) {
        const problems = conversation.issues.map(
          (i) => `${i.path.join('.') || '(root)'}: ${renderMessage('en', `issue.${i.code}`, i.params)}`,
        );
        return fail(`${conversationPath} is not a valid conversation:\n  ${problems.join('\n  ')}`);
      }
      analysis = createConversationAnalyzer({ analyzer }).analyze(conversation.value);
      context = { ...coachContextFrom(analysis), ...(channel === undefined ? {} : { channel }) };
    } else if (customer !== undefined) {
      const a = analyzer.analyzeMessage(customer, { cues: false });
      const upset = heatOf(a) >= UPSET_HEAT || a.sentiment.valence <= UPSET_VALENCE;
      context = coachContextFromMessage(customer, { upset, ...(channel === undefined ? {} : { channel }) });
    }
  } else if (channel !== undefined) {
    context = {
      channel,
      specifics: [],
      customerUpset: false,
      customerConfirmed: false,
      apologyDue: false,
      customerRegister: 'neutral',
    };
  }

  const coaching = coachDraft(draft, context);
  const lang = stringFlag(values, 'lang') ?? coaching.lang ?? 'en';
  const say = (key: MessageKey, params: Readonly<Record<string, string | number | boolean | undefined>> = {}): string =>
    renderMessage(lang, key, params);
  const steps = IHEART_STEPS.filter((s) => coaching.reading.steps[s].length > 0);

  if (booleanFlag(values, 'json')) {
    const out = {
      lang: coaching.lang ?? null,
      findings: coaching.findings.map((f) => ({
        ...f,
        title: say(`coach.${f.code}.title`),
        message: say(`coach.${f.code}`, f.params),
      })),
      iheart: steps,
      ...(analysis === undefined
        ? {}
        : {
            next_step: {
              ...analysis.nextStep,
              message: say(`next.${analysis.nextStep.code}`, analysis.nextStep.params),
            },
            escalation: {
              risk: analysis.escalation.risk,
              level: analysis.escalation.level,
              reasons: analysis.escalation.reasons.map((r) => r.code),
            },
          }),
    };
    io.stdout.write(`${JSON.stringify(out)}\n`);
    return EXIT.ok;
  }
  const lines: string[] = [];
  if (coaching.findings.length === 0)
    lines.push(lang === 'zh' ? '没有发现问题。' : lang === 'ru' ? 'Замечаний нет.' : 'No issues found.');
  for (const f of coaching.findings) {
    lines.push(`[${f.severity}] ${say(`coach.${f.code}.title`)}: ${say(`coach.${f.code}`, f.params)}`);
    if (f.span.text !== draft) lines.push(`    "${f.span.text}"`);
    if (f.rewrite !== undefined) lines.push(`    -> ${f.rewrite.text}`);
  }
  lines.push(`IHEART: ${steps.length === 0 ? '-' : steps.map((s) => say(`step.${s}`)).join(', ')}`);
  if (analysis !== undefined) {
    lines.push(
      `${lang === 'zh' ? '下一步' : lang === 'ru' ? 'Следующий шаг' : 'Next step'}: ${say(`next.${analysis.nextStep.code}`, analysis.nextStep.params)}`,
    );
    const reasons = analysis.escalation.reasons.map((r) => say(`escalation.${r.code}`, r.params ?? {}));
    lines.push(
      `${lang === 'zh' ? '升级风险' : lang === 'ru' ? 'Риск эскалации' : 'Escalation risk'}: ${say(`risk.${analysis.escalation.level}`)}${reasons.length === 0 ? '' : ` (${reasons.join('; ')})`}`,
    );
  }
  io.stdout.write(`${lines.join('\n')}\n`);
  return EXIT.ok;
}
