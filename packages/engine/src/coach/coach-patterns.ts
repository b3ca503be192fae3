import type { PatternLang } from '../conversation/text-span.ts';

/**
 * The language knowledge behind the draft coach, per language: regex alternatives (no flags) and rewrites written in
 * that language, so a suggestion is in the language of the draft whatever the agent's UI language.
 * Every list aims at precision: a phrase belongs here only if a team lead would flag it in any context.
 */
export interface CoachPatterns {
  /** Refusals and dead ends ("I can't refund that", "没办法", "не можем"). */
  readonly negative: readonly string[];
  /** A refusal that already offers an alternative in the same sentence is fine ("..., but I can offer ..."). */
  readonly alternativeOffered: readonly string[];
  /** Phrases that contain a refusal word but are not refusals ("I can't wait to", "不能再等了"). */
  readonly negativeExceptions: readonly string[];
  readonly blame: readonly string[];
  readonly arguing: readonly string[];
  /** Closing the conversation: "I'll close this ticket", "закрываю обращение". */
  readonly closing: readonly string[];
  /** A promise with no time frame: "I'll look into it", "我们会尽快处理", "мы разберёмся". */
  readonly vaguePromise: readonly string[];
  /** Words that make a promise immediate (no time frame needed): "now", "马上", "сейчас". */
  readonly immediate: readonly string[];
  /** Agent words too casual for a formal customer. */
  readonly casual: readonly string[];
  /** Jokey, upbeat words that jar with an upset customer. */
  readonly jokey: readonly string[];
  /** Familiar address forms (ru ты, zh 你); absent where the language has none. */
  readonly familiarYou: readonly string[];
  /** Word-for-word replacements that turn familiar or casual wording into the respectful form. */
  readonly politeForms: Readonly<Record<string, string>>;
  readonly rewrites: {
    /** Replaces a refusal: what can be done. */
    readonly negative: string;
    readonly blame: string;
    readonly arguing: string;
    /** Replaces a canned apology with a specific one. */
    readonly cannedApology: string;
    readonly rushing: string;
    /** Appended to a vague promise: `{promise}` is the agent's words. */
    readonly noExpectation: string;
    /** Prepended when an apology is missing. */
    readonly missingApology: string;
  };
  /** Canned apologies among the canned phrases (get the `cannedApology` rewrite). */
  readonly cannedApology: readonly string[];
}

const L = '\\p{L}*';

const en: CoachPatterns = {
  negative: [
    "(I|we) (can't|cannot|can not|won't be able to|will not be able to|are not able to|am not able to|'m not able to|'re not able to|am unable to|are unable to|'m unable to|'re unable to) \\w+",
    "(it's|it is|that's|that is|this is) (not possible|impossible)",
    "(that's|that is|it's|it is) (not|against) (our|the|company) policy",
    "(there's|there is) nothing (I|we|more I|more we) can do",
    "(I|we) (don't|do not) (know|offer|do that|do refunds|do exchanges|provide|handle|ship|accept|allow|support)",
    'not my (job|department|problem|responsibility)',
    'no way',
    "(I|we) (won't|will not) be (refunding|replacing|issuing|offering|doing)",
    "(you|that) (can't|cannot) be (refunded|returned|exchanged|changed|cancell?ed)",
  ],
  alternativeOffered: [
    'but (I|we) (can|could|will)',
    'what (I|we) can (do|offer)',
    'instead',
    'however,? (I|we) (can|could)',
    'the good news',
  ],
  negativeExceptions: [
    "(I|we) (can't|cannot) (wait|thank|stress|emphasi[sz]e|apologi[sz]e|tell you how|imagine|see|find|locate)",
    "(I|we) (don't|do not) (know) (if|whether) you",
  ],
  blame: [
    "you (should|shouldn't|should not|could|need to) have",
    "you (didn't|did not|never) (read|follow|check|enter|provide|select|update|click|save|confirm|tell|mention|attach|include|pay)",
    'you (forgot|failed|neglected) to',
    'your (own )?fault',
    'you must have (\\w+)',
    '(if|had) you (had )?(read|followed|checked|looked)',
    'user error',
    'you (entered|typed|selected|chose|provided|gave( us)?|put) (the|a|an) (wrong|incorrect|invalid)',
    'you were (supposed|told|required|meant) to',
    "(it's|it is|this is) (clearly )?(stated|written|explained|mentioned) (in|on)",
    'you (should|need to) (read|check) (the|our)',
    'you (clearly )?(misread|misunderstood|ignored)',
  ],
  arguing: [
    "that('s| is) (simply |just )?not (true|correct|right|accurate|what happened)",
    "you('re| are) (wrong|mistaken|incorrect)",
    'as I (already )?(said|told you|explained)',
    'I (already|have already) (told|explained|said)',
    'like I (said|told you)',
    "(no|actually),? (that's|that is|it's|it is|you) (not|wrong|mistaken)",
    'you (misunderstood|are misunderstanding)',
    'our (records|system|logs) (clearly )?(show|shows|indicate|indicates) (that )?you',
    'with all due respect',
    "that('s| is) not how (it|this) works",
  ],
  closing: [
    "(I'll|I will|I'm going to|I am going to|let me|we'll|we will) (now )?(go ahead and )?(close|mark|resolve|end) (this|the|your) (ticket|chat|case|conversation|request|session)",
    '(this|your|the) (ticket|case|chat|request|conversation) (is|has been|will be|was) (now )?(closed|marked as (resolved|solved|closed))',
    'closing (this|the|your) (chat|ticket|case|conversation)',
    "(if|as) (I|we) (don't|do not) hear (back )?from you.{0,40}(close|closed)",
    '(bye|goodbye)[!.]?$',
  ],
  vaguePromise: [
    "(I|we)('ll| will) (try to |definitely |certainly )?(look into|investigate|get back to you|follow up|escalate|see what (I|we) can do|be in touch|contact you|review|update you|let you know|pass (this|it) on|forward|check|sort (it|this) out)( (it|this|that|the issue|the matter|on (it|this)|your \\w+))?",
    '(someone|a colleague|our team|the team|a specialist|the relevant (team|department)) will (contact|call|get back|reach out|be in touch|look into|review|follow up)',
    "(we're|we are|I'm|I am) (looking into|working on|investigating) (it|this|the issue)",
    'as soon as (possible|we can)',
    'asap',
    'in due course',
  ],
  immediate: [
    'now',
    'right now',
    'right away',
    'one moment',
    'a moment',
    'a minute',
    'a sec',
    'while you wait',
    'immediately',
  ],
  casual: [
    'hey',
    'yo',
    'gonna',
    'wanna',
    'gotta',
    'lol',
    'lmao',
    'omg',
    'dude',
    'mate',
    'bro',
    'u',
    'ur',
    'pls',
    'plz',
    'thx',
    'np',
    'no prob',
    'yep',
    'nope',
    'yeah',
    'cool',
    'haha',
  ],
  jokey: [
    'lol',
    'lmao',
    'haha\\w*',
    'hehe',
    'yay',
    'woohoo',
    'oops',
    'whoops',
    'no biggie',
    'chill',
    'relax',
    'calm down',
  ],
  familiarYou: [],
  politeForms: {
    hey: 'Hello',
    yo: 'Hello',
    gonna: 'going to',
    wanna: 'want to',
    gotta: 'have to',
    u: 'you',
    ur: 'your',
    pls: 'please',
    plz: 'please',
    thx: 'thank you',
    yep: 'yes',
    nope: 'no',
    yeah: 'yes',
    np: 'you are welcome',
  },
  rewrites: {
    negative: 'What I can do is …',
    blame: "Let's get this sorted together: …",
    arguing: "I see why it looks that way. Here's what I can see on our side: …",
    cannedApology: "I'm sorry that … (name the actual problem)",
    rushing: 'Before I close this: did that solve the problem for you?',
    noExpectation: '{promise} and update you by … (a time: within 2 hours, by 5 pm, tomorrow morning)',
    missingApology: "I'm sorry this happened — that's our mistake. ",
  },
  cannedApology: ['(we|I) (sincerely |truly )?apologi[sz]e for any inconvenience', 'sorry for any inconvenience'],
};

const zh: CoachPatterns = {
  negative: [
    '(我们|我|这边|公司|系统)(这边)?(也|真的|确实|实在|是)?(不能|无法|没办法|没有办法|做不到|不可以|不支持|不提供|不负责|管不了|处理不了|办不了)',
    '(无法|不能|没办法)(为|给|帮)(您|你)',
    '(这|这个)(是)?(不归我们管|不是我们的问题|我们管不了|没办法)',
    '(不予|不能)(退款|退货|换货|赔偿|处理)',
    '(按|根据)规定(不能|无法|不可以|不予)',
  ],
  alternativeOffered: ['(但|但是|不过)(我们|我|这边)?(可以|能|会)', '可以为(您|你)', '另外(可以|能)', '替代'],
  negativeExceptions: ['(我们|我)(不能|无法)(让|使)(您|你)(再|久)等'],
  blame: [
    '(您|你)(自己)?(没有|没)(看|仔细看|按照|注意|填|选|确认|阅读)',
    '(您|你)自己(的问题|的原因|弄|搞|操作|没)',
    '(您|你)(当时)?应该(早点|先|提前|仔细|自己)',
    '是(您|你)(自己)?(的问题|操作不当|填错|选错|弄错|没)',
    '(您|你)(填|写|选|输|操作)错了',
    '(页面|上面|说明|规则)(上)?(写|说|标注)得(很|非常)?(清楚|明白)',
    '谁让(您|你)',
    '(您|你)为什么不',
  ],
  arguing: [
    '(不是|并不是|根本不是)这样(的)?',
    '(您|你)(说的)?不对',
    '(您|你)(搞|弄|理解|记)错了',
    '我(刚才|已经)(都)?(说|讲|解释|告诉)(过|了)(您|你)?',
    '我们(的)?(系统|记录)(明明)?显示(您|你)',
    '(这|那)(是)?不可能(的)',
    '(您|你)(这)?(是)?在(胡说|乱说)',
  ],
  closing: [
    '(我|这边)(就)?(先)?(结束|关闭)(本次|这次)?(会话|对话|工单|服务|咨询)',
    '(本次|这次)(会话|服务|对话)(就)?(到这里|结束)',
    '没(有)?(其他|别的)问题(的话)?(我|这边)?(就)?(先)?(结束|关闭|下线)',
    '工单(已)?(关闭|结束)',
    '再见[!！。]?$',
  ],
  vaguePromise: [
    '(我们|我|这边)(会|将)?(尽快|稍后|之后|后续)(为您|给您|帮您)?(处理|核实|跟进|反馈|回复|联系|查看|上报|核查|解决)',
    '(我们|我|这边)(会|将)(为您|给您|帮您)?(处理|核实|跟进|反馈|上报|反映|核查|解决)',
    '(会有|将有|会安排)(专人|同事|工作人员|相关部门)(联系|回复|处理|跟进)',
    '(请)?(您)?耐心等待(通知|回复|处理结果)',
  ],
  immediate: ['马上', '现在', '稍等', '这就', '立刻', '立即'],
  casual: ['哈哈', '嘿嘿', '呵呵', '木有', '酱紫', '咋', '啥'],
  jokey: ['哈哈', '嘿嘿', '呵呵', '淡定', '别激动', '冷静'],
  familiarYou: ['你(?!们)'],
  politeForms: { 你: '您' },
  rewrites: {
    negative: '我可以为您做的是……',
    blame: '我们一起来看看怎么解决：……',
    arguing: '我理解您为什么这么看。我这边看到的情况是：……',
    cannedApology: '很抱歉……（说出具体的问题）',
    rushing: '在结束之前想跟您确认一下：问题解决了吗？',
    noExpectation: '{promise}，并在……（具体时间：2小时内、今天下午5点前、明天上午）给您回复',
    missingApology: '非常抱歉，这是我们的问题。',
  },
  cannedApology: ['给(您|你)(带来|造成)的?不便,?敬请(谅解|原谅)', '敬请(谅解|原谅)'],
};

const ru: CoachPatterns = {
  negative: [
    `(я|мы) (к сожалению,? )?(не могу|не можем|не сможем|не смогу|не в состоянии|не имеем возможности)`,
    `это (невозможно|нельзя|не положено|не предусмотрено)`,
    `(ничем|ничего) (больше )?не (могу|можем|сможем) (помочь|сделать)`,
    `не (наша|моя) (проблема|зона ответственности|вина)`,
    'не положено',
    'так не делается',
    `(я|мы) не (знаю|занимаемся|отвечаем за|возвращаем|меняем|принимаем)`,
    `(возврат|обмен|компенсация) не (предусмотрен${L}|возможн${L})`,
  ],
  alternativeOffered: [
    `но (я |мы )?(мо(гу|жем)|смо(гу|жем)|предлож${L})`,
    'зато',
    'вместо этого',
    `что (я|мы) мо(гу|жем)`,
    `однако (я |мы )?мо(гу|жем)`,
  ],
  negativeExceptions: [`не (могу|можем) (не )?(отметить|согласиться с вами)`],
  blame: [
    `вы (сами )?(не )?(должны были|забыли|не прочитали|не проверили|не указали|не посмотрели|неправильно|ошиблись|указали неверн${L}|ввели неверн${L}|выбрали не)`,
    `(ваша|сами) виноват${L}`,
    `это ваша (вина|ошибка|проблема)`,
    `надо было (читать|смотреть|проверять|внимательнее)`,
    'вы сами',
    'внимательнее (читайте|надо)',
    `(из-за|по) ваше${L} (ошибк${L}|вин${L}|невнимательност${L})`,
    `(в|на) (сайте|договоре|правилах|инструкции) (всё|все|это) (написано|указано)`,
  ],
  arguing: [
    'это не так',
    `вы (не правы|ошибаетесь|заблуждаетесь)`,
    `(как я|я) (уже )?(говорил${L}|объяснял${L}|писал${L}|сказал${L})`,
    `вы (меня )?(неправильно|не так) (поняли|понимаете)`,
    'на самом деле вы',
    'это неправда',
    `(по нашим данным|в системе видно),? (что )?вы`,
    'такого не может быть',
  ],
  closing: [
    `(закрываю|закрою|закрыл${L}|закрываем) (ваше )?(обращение|заявку|чат|тикет|диалог)`,
    `(обращение|заявка|чат|тикет|диалог) (закрыт${L}|будет закрыт${L})`,
    `(всего доброго|до свидания)[!.]?$`,
  ],
  vaguePromise: [
    `(я|мы) (обязательно |постараемся |постараюсь )?(разберёмся|разберемся|разберусь|проверим|уточню|уточним|свяжемся|сообщим|сообщу|передам|передадим|посмотрю|посмотрим|вернёмся|вернемся|решим|займёмся|займемся|рассмотрим)`,
    'с вами свяжутся',
    'в ближайшее время',
    'как можно скорее',
    `(постараемся|постараюсь)`,
    `ваш${L} (обращение|заявка|вопрос) (передан${L}|будет рассмотрен${L})`,
  ],
  immediate: ['сейчас', 'минуту', 'секунду', 'минутку', 'прямо сейчас', 'сразу'],
  casual: ['привет', 'чё', 'че', 'ок', 'окей', 'норм', 'ща', 'короче', 'ваще', 'лол', 'пжлст'],
  jokey: ['лол', 'хаха\\p{L}*', 'ахах\\p{L}*', 'упс', 'расслабьтесь', 'успокойтесь', 'не кипятитесь'],
  familiarYou: [
    'ты',
    'тебя',
    'тебе',
    'тобой',
    `тво${L}`,
    'можешь',
    'хочешь',
    'сможешь',
    'знаешь',
    'напиши',
    'проверь',
    'подожди',
    'скажи',
    'пришли',
    'попробуй',
    'зайди',
    'нажми',
  ],
  politeForms: {
    ты: 'вы',
    тебя: 'вас',
    тебе: 'вам',
    тобой: 'вами',
    твой: 'ваш',
    твоя: 'ваша',
    твоё: 'ваше',
    твое: 'ваше',
    твои: 'ваши',
    твоего: 'вашего',
    твоей: 'вашей',
    твоих: 'ваших',
    твоему: 'вашему',
    твою: 'вашу',
    можешь: 'можете',
    хочешь: 'хотите',
    сможешь: 'сможете',
    знаешь: 'знаете',
    напиши: 'напишите',
    проверь: 'проверьте',
    подожди: 'подождите',
    скажи: 'скажите',
    пришли: 'пришлите',
    попробуй: 'попробуйте',
    зайди: 'зайдите',
    нажми: 'нажмите',
    привет: 'Здравствуйте',
  },
  rewrites: {
    negative: 'Что я могу сделать: …',
    blame: 'Давайте вместе разберёмся: …',
    arguing: 'Понимаю, почему это так выглядит. Вот что я вижу со своей стороны: …',
    cannedApology: 'Извините, что … (назовите саму проблему)',
    rushing: 'Прежде чем закрыть обращение, подскажите: вопрос решён?',
    noExpectation: '{promise} и вернусь к вам … (срок: в течение 2 часов, сегодня до 18:00, завтра утром)',
    missingApology: 'Приношу извинения — это наша ошибка. ',
  },
  cannedApology: [
    `(приносим|приношу) (свои )?извинения за (доставленные|причиненные|причинённые) неудобства`,
    `извините за (доставленные|причиненные|причинённые) неудобства`,
  ],
};

export const COACH_PATTERNS: Readonly<Record<PatternLang, CoachPatterns>> = { en, zh, ru };
