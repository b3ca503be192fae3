/**
 * Demo conversations written for Attune (en, zh, ru): realistic service situations whose emotional arc moves,
 * so live assistance has something to show. `live` scripts continue turn by turn through the simulated customer.
 */
export interface DemoTurn {
  readonly role: 'customer' | 'agent';
  readonly text: string;
}

export interface DemoConversation {
  readonly key: string;
  readonly lang: 'en' | 'zh' | 'ru';
  readonly subject: string;
  readonly customer: string;
  /** Already happened when the demo starts. */
  readonly history: readonly DemoTurn[];
  /** Played live by the simulated customer, one turn every few seconds, then the conversation restarts. */
  readonly live: readonly DemoTurn[];
}

export const demoConversations: readonly DemoConversation[] = [
  {
    key: 'en-refund',
    lang: 'en',
    subject: 'Refund not received',
    customer: 'Jordan Miles',
    history: [
      { role: 'customer', text: 'Hi, I returned my headphones two weeks ago and still have no refund.' },
      { role: 'agent', text: 'Hi Jordan, thanks for reaching out. Could you share your order number?' },
      { role: 'customer', text: 'It is 48213. The tracking says you received the parcel on the 3rd.' },
    ],
    live: [
      {
        role: 'customer',
        text: 'Hello?? It has been ten minutes. This is the third time I am asking about this refund!',
      },
      { role: 'agent', text: 'Sorry for the wait. I am checking with our returns team now.' },
      { role: 'customer', text: 'Honestly I am fed up. Every time I contact you I get a different answer.' },
      { role: 'customer', text: 'If this is not sorted today I will dispute the charge with my bank.' },
      {
        role: 'agent',
        text: 'I completely understand how frustrating this is. I have issued the refund of $129 now; you will see it in 3-5 days.',
      },
      { role: 'customer', text: 'OK. Thank you, that is all I wanted.' },
    ],
  },
  {
    key: 'en-delivery',
    lang: 'en',
    subject: 'Where is my order?',
    customer: 'Priya Shah',
    history: [
      { role: 'customer', text: 'My order was supposed to arrive yesterday for my daughter’s birthday.' },
      { role: 'agent', text: 'I am so sorry, Priya. Let me look into it right away.' },
    ],
    live: [
      { role: 'customer', text: 'I am really worried it will not come in time. The party is tomorrow.' },
      { role: 'agent', text: 'The courier has it out for delivery this afternoon. I will keep an eye on it for you.' },
      { role: 'customer', text: 'Thank you so much, that is a huge relief!' },
    ],
  },
  {
    key: 'zh-billing',
    lang: 'zh',
    subject: '重复扣费',
    customer: '王女士',
    history: [
      { role: 'customer', text: '你好，我这个月的会员费被扣了两次。' },
      { role: 'agent', text: '您好王女士，非常抱歉给您带来困扰，请提供一下您的账号。' },
    ],
    live: [
      { role: 'customer', text: '账号已经发给你们三次了！为什么每次都要重新说一遍？' },
      { role: 'customer', text: '太让人失望了，再这样我就投诉到消费者协会。' },
      { role: 'agent', text: '完全理解您的心情，我已经为您申请退还多扣的 30 元，今天内到账。' },
      { role: 'customer', text: '好的，谢谢你，希望以后不要再出现这种问题。' },
    ],
  },
  {
    key: 'ru-internet',
    lang: 'ru',
    subject: 'Не работает интернет',
    customer: 'Ольга Петрова',
    history: [
      { role: 'customer', text: 'Здравствуйте, у меня второй день не работает интернет.' },
      { role: 'agent', text: 'Здравствуйте, Ольга! Сейчас проверю линию по вашему адресу.' },
    ],
    live: [
      { role: 'customer', text: 'Я работаю из дома, и из-за вас уже пропустила два созвона. Это безобразие!' },
      { role: 'agent', text: 'Понимаю, как это неприятно. На линии авария, мастер будет у вас сегодня до 18:00.' },
      { role: 'customer', text: 'Надеюсь, на этот раз действительно приедут. Спасибо.' },
    ],
  },
];
