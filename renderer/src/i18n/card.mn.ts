/** Ipoteka-bank card attach dialog (cashier UI) — Mongolian; card.en.ts has exactly these keys. */
export const cardMn = {
  card: {
    open: 'Карт холбох (Ipoteka)',
    title: 'Харилцагчийн карт холбох',
    hint: 'Картын дугаар зөвхөн банк руу нэг удаа илгээгдэнэ; касс үүнийг хадгалахгүй.',
    pan: 'Картын дугаар (16 орон)',
    expiry: 'Хүчинтэй хугацаа (ЖЖСС)',
    processing: 'Картын төрөл',
    phone: 'Утасны дугаар (998…)',
    send: 'Код илгээх',
    sentTo: '{{card}} картын SMS код {{phone}} дугаар руу илгээгдлээ.',
    code: 'SMS код',
    confirm: 'Карт холбох',
    resend: 'Код дахин илгээх',
    resendIn: 'Шинэ код {{seconds}} секундын дараа',
    attached: '{{card}} карт холбогдлоо.',
    sandboxSms: 'Харилцагчийн утас (sandbox): SMS-г харах',
    sandboxCode: 'SMS код: {{code}}',
    close: 'Хаах',
    invalid: 'Картын дугаар 16 орон, хугацаа ЖЖСС (жишээ нь 2812), утас 998-аар эхэлсэн 12 орон байна.',
  },
} as const;
