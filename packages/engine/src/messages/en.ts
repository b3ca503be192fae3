import type { Catalog } from './catalog.ts';
import { show } from './catalog.ts';

export const en: Catalog = {
  'coach.negative_language.title': () => 'Negative language',
  'coach.negative_language': (p) =>
    `"${show(p.phrase)}" tells the customer what you can't do. Say what you can do instead.`,
  'coach.blame.title': () => 'Blaming the customer',
  'coach.blame': (p) => `"${show(p.phrase)}" puts the fault on the customer. Focus on fixing it together.`,
  'coach.cliche.title': () => 'Canned phrase',
  'coach.cliche': (p) =>
    p.source === 'repeated'
      ? `You have used "${show(p.phrase)}" in ${show(p.times)} earlier replies. Say it in your own words for this customer.`
      : `"${show(p.phrase)}" sounds scripted. Say something specific to this customer's situation.`,
  'coach.arguing.title': () => 'Arguing',
  'coach.arguing': (p) =>
    `"${show(p.phrase)}" contradicts the customer. Don't try to win the argument: acknowledge their view, then explain.`,
  'coach.rushing.title': () => 'Rushing to close',
  'coach.rushing': () => 'The customer has not confirmed the problem is solved. Check before closing.',
  'coach.no_expectation.title': () => 'No time frame',
  'coach.no_expectation': (p) => `"${show(p.phrase)}" promises something without saying when. Give a time frame.`,
  'coach.tone_mismatch.title': () => 'Tone mismatch',
  'coach.tone_mismatch': (p) =>
    p.reason === 'jokey_with_upset'
      ? `"${show(p.phrase)}" sounds light-hearted to a customer who is upset.`
      : p.reason === 'casual_with_formal'
        ? `"${show(p.phrase)}" is more casual than the customer's formal tone. Match their register.`
        : `"${show(p.phrase)}" is a familiar form of address. Use the polite form.`,
  'coach.no_personalization.title': () => 'Not personal',
  'coach.no_personalization': (p) =>
    `The reply could be sent to anyone. Use what the customer told you${p.name === undefined ? '' : ` (their name, ${show(p.name)})`}${p.identifier === undefined ? '' : ` (their reference, ${show(p.identifier)})`}.`,
  'coach.missing_apology.title': () => 'Missing apology',
  'coach.missing_apology': (p) =>
    `The customer reported a problem on our side${p.fault === undefined ? '' : ` ("${show(p.fault)}")`}. Apologise for it.`,
  'coach.wall_of_text.title': () => 'Wall of text',
  'coach.wall_of_text': (p) =>
    `${show(p.chars)} characters is a lot for chat (aim for under ${show(p.limit)}). Split it into short messages.`,

  'escalation.manager_demand': () => 'asks for a manager',
  'escalation.cancel_threat': () => 'threatens to cancel or leave',
  'escalation.chargeback_threat': () => 'threatens a chargeback',
  'escalation.legal_threat': () => 'threatens legal action',
  'escalation.public_review_threat': () => 'threatens a public review',
  'escalation.abuse': () => 'abusive language',
  'escalation.repeated_contact': () => 'has contacted us repeatedly',
  'escalation.rising_anger': (p) =>
    `anger is rising across messages${p.heat === undefined ? '' : ` (${show(p.heat)})`}`,
  'escalation.high_anger': () => 'very angry right now',
  'escalation.long_wait': (p) =>
    p.minutes === undefined ? 'has waited a long time' : `waited ${show(p.minutes)} minutes for an answer`,
  'escalation.shouting': () => 'shouting (capitals or !!!)',
  'risk.low': () => 'low',
  'risk.medium': () => 'medium',
  'risk.high': () => 'high',
  'trend.escalating': () => 'escalating',
  'trend.calming': () => 'calming',
  'trend.steady': () => 'steady',

  'next.acknowledge_emotion': (p) =>
    `The customer is upset${p.emotion === undefined ? '' : ` (${show(p.emotion)})`} and nobody has acknowledged it. Name the feeling and empathise before anything else.`,
  'next.apologize': () => 'The customer reported a problem on our side. Apologise for it.',
  'next.clarify': () => 'Show you understood: restate the problem in your words or ask a clarifying question.',
  'next.resolve': () => 'Give a concrete action or next step, with a time frame.',
  'next.check_resolution': () => 'Ask whether that solved the problem.',
  'next.thank_and_close': () => 'The customer confirmed: thank them and close warmly.',
  'next.wait_for_customer': () => 'Nothing pending: wait for the customer.',
  'next.greet': () => 'Open with a greeting and a check-in ("How are you?").',

  'step.identify': () => 'Identify the emotion',
  'step.hear': () => 'Hear the problem',
  'step.empathize': () => 'Empathize',
  'step.apologize': () => 'Apologize',
  'step.resolve': () => 'Resolve, with a time frame',
  'step.thank': () => 'Thank',
  'behaviour.anticipate': () => 'Anticipates needs',
  'behaviour.explain': () => 'Explains reasons',
  'behaviour.educate': () => 'Educates',
  'behaviour.emotional_support': () => 'Emotional support',
  'behaviour.personal_touch': () => 'Personal touch',
  'behaviour.authentic': () => 'Authentic, not scripted',
  'question.opening': () => 'Opening check-in',
  'question.clarifying': () => 'Clarifying question',
  'question.closing': () => 'Closing check',

  'channel.email_cool_down': (p) =>
    `An angry email: take ${show(p.minutes)} minutes to cool down and plan the reply before answering.`,
  'channel.chat_dead_air': (p) =>
    `The customer waited ${show(p.seconds)} s in silence. Tell them what you are checking and how long it takes.`,
  'channel.phone_talk_ratio': (p) =>
    `The agent spoke ${Math.round(Number(p.agentShare ?? 0) * 100)}% of the time. Listen more.`,
  'channel.phone_interruptions': (p) => `The agent interrupted the customer ${show(p.count)} times.`,
  'channel.phone_long_silence': (p) =>
    `${show(p.seconds)} s of silence on the line. Tell the customer what you are doing.`,
  'channel.phone_pace': (p) =>
    `Speaking pace ${show(p.perMinute)} ${p.unit === 'chars' ? 'characters' : 'words'} per minute is too ${p.pace === 'fast' ? 'fast' : 'slow'}.`,

  'issue.not_an_object': (p) => `Expected a conversation object, received ${show(p.received)}.`,
  'issue.empty_conversation': () => 'The conversation has no turns with text.',
  'issue.too_many_turns': (p) => `${show(p.received)} turns is more than the limit of ${show(p.max)}.`,
  'issue.unknown_role': (p) => `Unknown role "${show(p.received)}"; expected one of ${show(p.allowed)}.`,
  'issue.unknown_channel': (p) => `Unknown channel "${show(p.received)}"; expected one of ${show(p.allowed)}.`,
  'issue.invalid_timestamp': (p) =>
    `"${show(p.received)}" is not a timestamp: use milliseconds since the epoch or an ISO 8601 date.`,
  'issue.text_too_long': (p) => `A turn of ${show(p.received)} characters is longer than the limit of ${show(p.max)}.`,
  'issue.invalid_field': (p) => `Invalid field: ${show(p.detail)}.`,
  'issue.invalid_rubric': (p) => `Invalid rubric: ${show(p.detail)}.`,
  'criterion.unknown': (p) => show(p.id),
};
