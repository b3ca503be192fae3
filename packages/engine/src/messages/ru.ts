import type { Catalog } from './catalog.ts';
import { show } from './catalog.ts';

export const ru: Catalog = {
  'coach.negative_language.title': () => 'Негативная формулировка',
  'coach.negative_language': (p) =>
    `«${show(p.phrase)}» говорит клиенту, чего вы не можете. Скажите, что вы можете сделать.`,
  'coach.blame.title': () => 'Обвинение клиента',
  'coach.blame': (p) =>
    `«${show(p.phrase)}» перекладывает вину на клиента. Сосредоточьтесь на том, как решить вопрос вместе.`,
  'coach.cliche.title': () => 'Шаблонная фраза',
  'coach.cliche': (p) =>
    p.source === 'repeated'
      ? `Фразу «${show(p.phrase)}» вы уже писали в ${show(p.times)} предыдущих ответах. Скажите это своими словами для этого клиента.`
      : `«${show(p.phrase)}» звучит как шаблон. Скажите что-то о ситуации именно этого клиента.`,
  'coach.arguing.title': () => 'Спор с клиентом',
  'coach.arguing': (p) =>
    `«${show(p.phrase)}» противоречит клиенту. Не пытайтесь выиграть спор: признайте его точку зрения, затем объясните.`,
  'coach.rushing.title': () => 'Спешка с закрытием',
  'coach.rushing': () => 'Клиент ещё не подтвердил, что вопрос решён. Уточните, прежде чем закрывать.',
  'coach.no_expectation.title': () => 'Нет срока',
  'coach.no_expectation': (p) => `«${show(p.phrase)}» — обещание без срока. Назовите конкретный срок.`,
  'coach.tone_mismatch.title': () => 'Неподходящий тон',
  'coach.tone_mismatch': (p) =>
    p.reason === 'jokey_with_upset'
      ? `«${show(p.phrase)}» звучит легкомысленно для расстроенного клиента.`
      : p.reason === 'casual_with_formal'
        ? `«${show(p.phrase)}» слишком разговорно для официального тона клиента.`
        : `«${show(p.phrase)}» — обращение на «ты». Обращайтесь к клиенту на «Вы».`,
  'coach.no_personalization.title': () => 'Безличный ответ',
  'coach.no_personalization': (p) =>
    `Такой ответ можно отправить кому угодно. Используйте то, что сообщил клиент${p.name === undefined ? '' : ` (имя: ${show(p.name)})`}${p.identifier === undefined ? '' : ` (номер: ${show(p.identifier)})`}.`,
  'coach.missing_apology.title': () => 'Нет извинения',
  'coach.missing_apology': (p) =>
    `Клиент сообщил о нашей ошибке${p.fault === undefined ? '' : ` («${show(p.fault)}»)`}. Извинитесь.`,
  'coach.wall_of_text.title': () => 'Слишком длинно',
  'coach.wall_of_text': (p) =>
    `${show(p.chars)} символов — много для чата (лучше меньше ${show(p.limit)}). Разбейте на короткие сообщения.`,

  'escalation.manager_demand': () => 'требует руководителя',
  'escalation.cancel_threat': () => 'грозит отказаться от услуг',
  'escalation.chargeback_threat': () => 'грозит оспорить платёж',
  'escalation.legal_threat': () => 'грозит судом или жалобой в органы',
  'escalation.public_review_threat': () => 'грозит публичным отзывом',
  'escalation.abuse': () => 'оскорбления',
  'escalation.repeated_contact': () => 'обращается повторно',
  'escalation.rising_anger': (p) =>
    `раздражение растёт от сообщения к сообщению${p.heat === undefined ? '' : ` (${show(p.heat)})`}`,
  'escalation.high_anger': () => 'сейчас очень зол',
  'escalation.long_wait': (p) => (p.minutes === undefined ? 'долго ждёт ответа' : `ждал ответа ${show(p.minutes)} мин`),
  'escalation.shouting': () => 'кричит (заглавные буквы или !!!)',
  'risk.low': () => 'низкий',
  'risk.medium': () => 'средний',
  'risk.high': () => 'высокий',
  'trend.escalating': () => 'нарастает',
  'trend.calming': () => 'успокаивается',
  'trend.steady': () => 'без изменений',

  'next.acknowledge_emotion': (p) =>
    `Клиент расстроен${p.emotion === undefined ? '' : ` (${show(p.emotion)})`}, и никто этого не признал. Сначала назовите его чувство и проявите сочувствие.`,
  'next.apologize': () => 'Клиент сообщил о нашей ошибке. Извинитесь.',
  'next.clarify': () => 'Покажите, что поняли: перескажите проблему своими словами или задайте уточняющий вопрос.',
  'next.resolve': () => 'Предложите конкретное действие или следующий шаг со сроком.',
  'next.check_resolution': () => 'Спросите, решило ли это проблему.',
  'next.thank_and_close': () => 'Клиент подтвердил: поблагодарите его и тепло завершите разговор.',
  'next.wait_for_customer': () => 'Ничего не ожидает ответа: дождитесь клиента.',
  'next.greet': () => 'Начните с приветствия и вопроса «Как у вас дела?».',

  'step.identify': () => 'Распознать эмоцию',
  'step.hear': () => 'Услышать проблему',
  'step.empathize': () => 'Проявить сочувствие',
  'step.apologize': () => 'Извиниться',
  'step.resolve': () => 'Решить, со сроком',
  'step.thank': () => 'Поблагодарить',
  'behaviour.anticipate': () => 'Предугадывает потребности',
  'behaviour.explain': () => 'Объясняет причины',
  'behaviour.educate': () => 'Обучает клиента',
  'behaviour.emotional_support': () => 'Эмоциональная поддержка',
  'behaviour.personal_touch': () => 'Личный подход',
  'behaviour.authentic': () => 'Искренне, не по скрипту',
  'question.opening': () => 'Вопрос в начале («как дела?»)',
  'question.clarifying': () => 'Уточняющий вопрос',
  'question.closing': () => 'Проверка в конце',

  'channel.email_cool_down': (p) => `Гневное письмо: подождите ${show(p.minutes)} мин, остыньте и спланируйте ответ.`,
  'channel.chat_dead_air': (p) =>
    `Клиент ждал ${show(p.seconds)} с в тишине. Скажите, что вы проверяете и сколько это займёт.`,
  'channel.phone_talk_ratio': (p) =>
    `Оператор говорил ${Math.round(Number(p.agentShare ?? 0) * 100)}% времени. Больше слушайте.`,
  'channel.phone_interruptions': (p) => `Оператор перебил клиента ${show(p.count)} раз(а).`,
  'channel.phone_long_silence': (p) => `${show(p.seconds)} с тишины на линии. Скажите клиенту, что вы делаете.`,
  'channel.phone_pace': (p) =>
    `Темп речи ${show(p.perMinute)} ${p.unit === 'chars' ? 'знаков' : 'слов'} в минуту — слишком ${p.pace === 'fast' ? 'быстро' : 'медленно'}.`,

  'issue.not_an_object': (p) => `Ожидался объект разговора, получено: ${show(p.received)}.`,
  'issue.empty_conversation': () => 'В разговоре нет реплик с текстом.',
  'issue.too_many_turns': (p) => `${show(p.received)} реплик — больше предела ${show(p.max)}.`,
  'issue.unknown_role': (p) => `Неизвестная роль «${show(p.received)}»; допустимы: ${show(p.allowed)}.`,
  'issue.unknown_channel': (p) => `Неизвестный канал «${show(p.received)}»; допустимы: ${show(p.allowed)}.`,
  'issue.invalid_timestamp': (p) =>
    `«${show(p.received)}» — не метка времени: используйте миллисекунды или дату ISO 8601.`,
  'issue.text_too_long': (p) => `Реплика длиной ${show(p.received)} символов превышает предел ${show(p.max)}.`,
  'issue.invalid_field': (p) => `Неверное поле: ${show(p.detail)}.`,
  'issue.invalid_rubric': (p) => `Неверная рубрика: ${show(p.detail)}.`,
  'criterion.unknown': (p) => show(p.id),
};
