import type { Catalog } from './catalog.ts';
import { show } from './catalog.ts';

export const zh: Catalog = {
  'coach.negative_language.title': () => '消极用语',
  'coach.negative_language': (p) => `"${show(p.phrase)}" 告诉客户您做不到什么。请改说您能做什么。`,
  'coach.blame.title': () => '指责客户',
  'coach.blame': (p) => `"${show(p.phrase)}" 把责任推给了客户。请把重点放在一起解决问题上。`,
  'coach.cliche.title': () => '套话',
  'coach.cliche': (p) =>
    p.source === 'repeated'
      ? `"${show(p.phrase)}" 您在之前的 ${show(p.times)} 条回复里已经用过。请针对这位客户换成自己的话。`
      : `"${show(p.phrase)}" 听起来像模板。请说一些针对客户具体情况的话。`,
  'coach.arguing.title': () => '争辩',
  'coach.arguing': (p) => `"${show(p.phrase)}" 在反驳客户。不要试图赢得争论：先认可客户的感受，再解释。`,
  'coach.rushing.title': () => '急于结束',
  'coach.rushing': () => '客户还没有确认问题已解决。结束前请先确认。',
  'coach.no_expectation.title': () => '没有时间承诺',
  'coach.no_expectation': (p) => `"${show(p.phrase)}" 做了承诺，却没说什么时候。请给出具体时间。`,
  'coach.tone_mismatch.title': () => '语气不匹配',
  'coach.tone_mismatch': (p) =>
    p.reason === 'jokey_with_upset'
      ? `"${show(p.phrase)}" 对正在生气的客户来说显得轻浮。`
      : p.reason === 'casual_with_formal'
        ? `"${show(p.phrase)}" 比客户的正式语气随意。请与客户的语气保持一致。`
        : `"${show(p.phrase)}" 称呼不够礼貌。请用"您"。`,
  'coach.no_personalization.title': () => '缺少个性化',
  'coach.no_personalization': (p) =>
    `这条回复可以发给任何人。请用上客户告诉您的信息${p.name === undefined ? '' : `（称呼：${show(p.name)}）`}${p.identifier === undefined ? '' : `（单号：${show(p.identifier)}）`}。`,
  'coach.missing_apology.title': () => '缺少道歉',
  'coach.missing_apology': (p) =>
    `客户反映了我们这边的问题${p.fault === undefined ? '' : `（"${show(p.fault)}"）`}。请先道歉。`,
  'coach.wall_of_text.title': () => '消息过长',
  'coach.wall_of_text': (p) =>
    `${show(p.chars)} 个字符对聊天来说太长了（建议少于 ${show(p.limit)}）。请拆成几条短消息。`,

  'escalation.manager_demand': () => '要求找经理',
  'escalation.cancel_threat': () => '威胁取消或离开',
  'escalation.chargeback_threat': () => '威胁拒付',
  'escalation.legal_threat': () => '威胁采取法律行动',
  'escalation.public_review_threat': () => '威胁公开差评或曝光',
  'escalation.abuse': () => '辱骂',
  'escalation.repeated_contact': () => '多次联系',
  'escalation.rising_anger': (p) => `怒气在上升${p.heat === undefined ? '' : `（${show(p.heat)}）`}`,
  'escalation.high_anger': () => '此刻非常生气',
  'escalation.long_wait': (p) => (p.minutes === undefined ? '等待了很久' : `已等待 ${show(p.minutes)} 分钟`),
  'escalation.shouting': () => '情绪激动（大写或连续感叹号）',
  'risk.low': () => '低',
  'risk.medium': () => '中',
  'risk.high': () => '高',
  'trend.escalating': () => '升级',
  'trend.calming': () => '缓和',
  'trend.steady': () => '平稳',

  'next.acknowledge_emotion': (p) =>
    `客户情绪不好${p.emotion === undefined ? '' : `（${show(p.emotion)}）`}，还没有人回应。请先点出客户的感受并表示理解。`,
  'next.apologize': () => '客户反映了我们这边的问题。请道歉。',
  'next.clarify': () => '表明您听懂了：用自己的话复述问题，或提一个澄清问题。',
  'next.resolve': () => '给出具体的解决办法或下一步，并说明时间。',
  'next.check_resolution': () => '问一下问题是否已经解决。',
  'next.thank_and_close': () => '客户已确认：感谢客户，并热情地结束对话。',
  'next.wait_for_customer': () => '没有待办事项：等待客户回复。',
  'next.greet': () => '先问候客户，问一句"您好吗？"',

  'step.identify': () => '识别情绪',
  'step.hear': () => '倾听问题',
  'step.empathize': () => '同理心',
  'step.apologize': () => '道歉',
  'step.resolve': () => '解决（含时间）',
  'step.thank': () => '感谢',
  'behaviour.anticipate': () => '预测客户需求',
  'behaviour.explain': () => '提供解释和理由',
  'behaviour.educate': () => '教育客户',
  'behaviour.emotional_support': () => '提供情感支持',
  'behaviour.personal_touch': () => '个人化',
  'behaviour.authentic': () => '真诚，不照本宣科',
  'question.opening': () => '开场问候',
  'question.clarifying': () => '澄清问题',
  'question.closing': () => '结束前确认',

  'channel.email_cool_down': (p) => `这是一封愤怒的邮件：先冷静 ${show(p.minutes)} 分钟，想好回复计划再回答。`,
  'channel.chat_dead_air': (p) => `客户已沉默等待 ${show(p.seconds)} 秒。请告诉客户您在查什么、需要多久。`,
  'channel.phone_talk_ratio': (p) => `客服说话占了 ${Math.round(Number(p.agentShare ?? 0) * 100)}% 的时间。请多倾听。`,
  'channel.phone_interruptions': (p) => `客服打断了客户 ${show(p.count)} 次。`,
  'channel.phone_long_silence': (p) => `线路上沉默了 ${show(p.seconds)} 秒。请告诉客户您在做什么。`,
  'channel.phone_pace': (p) =>
    `语速每分钟 ${show(p.perMinute)} ${p.unit === 'chars' ? '字' : '词'}，${p.pace === 'fast' ? '太快' : '太慢'}了。`,

  'issue.not_an_object': (p) => `需要一个对话对象，收到的是 ${show(p.received)}。`,
  'issue.empty_conversation': () => '对话中没有带文字的轮次。',
  'issue.too_many_turns': (p) => `${show(p.received)} 轮超过了上限 ${show(p.max)}。`,
  'issue.unknown_role': (p) => `未知角色"${show(p.received)}"；应为 ${show(p.allowed)} 之一。`,
  'issue.unknown_channel': (p) => `未知渠道"${show(p.received)}"；应为 ${show(p.allowed)} 之一。`,
  'issue.invalid_timestamp': (p) => `"${show(p.received)}" 不是时间戳：请用毫秒时间戳或 ISO 8601 日期。`,
  'issue.text_too_long': (p) => `一轮 ${show(p.received)} 个字符，超过了上限 ${show(p.max)}。`,
  'issue.invalid_field': (p) => `字段无效：${show(p.detail)}。`,
  'issue.invalid_rubric': (p) => `评分表无效：${show(p.detail)}。`,
  'criterion.unknown': (p) => show(p.id),
};
