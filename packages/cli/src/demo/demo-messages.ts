/**
 * The messages `attune demo` analyses: what a support inbox looks like in English, Chinese and Russian,
 * chosen to show each thing the engine reads (anger, anxiety, confusion, gratitude, negation, shouting,
 * emoji). Written for the demo, not taken from any dataset.
 */
export interface DemoMessage {
  readonly lang: 'en' | 'zh' | 'ru';
  readonly text: string;
}

export const DEMO_MESSAGES: readonly DemoMessage[] = [
  { lang: 'en', text: "This is the THIRD time I'm writing!!! Where is my refund?" },
  { lang: 'en', text: "I'm really worried, my card was charged twice and rent is due tomorrow." },
  { lang: 'en', text: "I don't understand, the app says delivered but there is no package?" },
  { lang: 'en', text: 'Thank you so much, you saved my day 🙏' },
  { lang: 'en', text: 'Honestly the new update is not bad at all.' },
  { lang: 'zh', text: '你们到底有没有人管？！等了两个星期还没发货，气死我了😡' },
  { lang: 'zh', text: '我有点担心，付款成功了但订单显示未支付，会不会被扣两次钱？' },
  { lang: 'zh', text: '这个设置在哪里找？我按说明操作了还是不行' },
  { lang: 'zh', text: '谢谢你们的耐心解答，问题已经解决了！' },
  { lang: 'ru', text: 'Я уже ТРЕТИЙ раз пишу!!! Где мой возврат?' },
  { lang: 'ru', text: 'Не понимаю, почему списали деньги, если заказ отменён?' },
  { lang: 'ru', text: 'Не очень доволен качеством, но доставка быстрая.' },
  { lang: 'ru', text: 'Спасибо большое, всё заработало 😊' },
];
