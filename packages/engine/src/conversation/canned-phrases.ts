import type { PatternLang } from './text-span.ts';

/**
 * Canned phrases that customers hear as a script rather than a person (seed 000: "avoid overusing phrases and
 * cliches that destroy sincerity"). Regex alternatives, matched as whole words in en/ru. Only phrases that are
 * canned in *any* context belong here: "I'm sorry your parcel was late" is specific and sincere, "we apologise for
 * any inconvenience" is not.
 */
export const CANNED_PHRASES: Readonly<Record<PatternLang, readonly string[]>> = {
  en: [
    '(we|I) (sincerely |truly )?apologi[sz]e for any inconvenience( (this|that) (may have|has|might have) caused( you)?)?',
    'sorry for any inconvenience( (this|that) (may have|has|might have) caused( you)?)?',
    'your (call|business|satisfaction|feedback) is (very |extremely )?important to us',
    'your satisfaction is our (top |number one |#1 |highest )?priority',
    'we value your (business|custom|feedback|loyalty)',
    'thank you for your (patience and understanding|understanding and patience)',
    'thank you for (contacting|reaching out to) (us|customer (service|support|care))',
    'thank you for bringing this to our attention',
    'rest assured',
    'please be advised',
    'kindly (note|be informed)',
    'at this (point in|moment in) time',
    'we (strive|aim) to provide (the best|excellent)',
    'we are (always )?here to help',
    'as per (our|the) policy',
    'please do not hesitate to (contact|reach out)',
    "don't hesitate to (contact|reach out)",
    'we understand your frustration and',
    'it is our pleasure to assist you',
  ],
  zh: [
    '给(您|你)(带来|造成)的?不便,?敬请(谅解|原谅)',
    '敬请(谅解|原谅)',
    '(您|你)的满意是我们',
    '我们(非常|十分|一直)?重视(您|你)的(反馈|意见|来电)',
    '感谢(您|你)的(耐心|理解)(与|和)(支持|理解|耐心)',
    '感谢(您|你)对我们(工作)?的支持',
    '(很|非常)?高兴为(您|你)服务',
    '竭诚为(您|你)服务',
    '如有(其他|任何)(疑问|问题),?(请|欢迎)随时(联系|咨询)',
    '亲,?这边',
    '(您|你)的(来电|问题)对我们(非常|很)重要',
  ],
  ru: [
    'приносим (свои )?извинения за (доставленные|причиненные|причинённые) неудобства',
    'извините за (доставленные|причиненные|причинённые) неудобства',
    'ваш (звонок|запрос|вопрос|отзыв) (очень )?важен для нас',
    'ваше мнение (очень )?важно для нас',
    'благодарим (вас )?за (понимание|терпение)',
    'благодарим за обращение',
    'обращаем ваше внимание',
    'доводим до вашего сведения',
    'ваше обращение (принято|зарегистрировано)',
    'мы ценим (вас|ваше доверие|вашу лояльность)',
    'будем рады помочь',
    'всегда рады помочь',
    'согласно (нашим )?правилам',
    'по всем (возникающим|интересующим) вопросам',
  ],
};
