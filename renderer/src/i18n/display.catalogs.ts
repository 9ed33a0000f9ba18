/**
 * Customer display — one catalog per display language. Mongolian is the source; the rest must have its keys.
 * The display shows large, short phrases only: a customer reads them from a metre away. Amounts are never in
 * here: they arrive already formatted in the view-model (`{{amount}}` placeholders only place them).
 */
import type { CatalogOf } from './catalog';

export const displayMn = {
  welcome: 'Тавтай морилно уу',
  welcomeHint: 'Таны худалдан авалт, төлөх дүн энд харагдана',
  connecting: 'Түр хүлээнэ үү…',
  cart: {
    title: 'Таны сагс',
    items: 'Барааны тоо: {{n}}',
    discount: 'Хөнгөлөлт',
    vat: 'НӨАТ',
    cityTax: 'НХАТ',
    total: 'Нийт дүн',
    paid: 'Төлсөн',
    due: 'Төлөх үлдэгдэл',
    empty: 'Бараа уншуулахыг хүлээж байна',
  },
  pay: {
    amount: 'Төлөх дүн',
    scan: 'Банкны аппаа нээгээд QR кодыг уншуулна уу',
    phone: 'Нэхэмжлэх таны утсанд илгээгдлээ — аппдаа орж баталгаажуулна уу',
    deeplink: 'Утсан дээрээ банкны аппаа нээж төлбөрөө баталгаажуулна уу',
    expiresIn: 'Хүчинтэй хугацаа: {{time}}',
    expiredSoon: 'Хугацаа дууслаа',
    checking: 'Төлбөрийг банкнаас шалгаж байна…',
    total: 'Нийт: {{amount}}',
  },
  paid: {
    title: 'Төлбөр амжилттай',
    total: 'Төлсөн дүн',
    change: 'Хариулт',
  },
  declined: {
    title: 'Төлбөр татгалзагдлаа',
    hint: 'Өөр аргаар төлөх эсвэл дахин оролдоно уу',
    due: 'Төлөх дүн',
  },
  expired: {
    title: 'Төлбөрийн хугацаа дууслаа',
    hint: 'Кассчин шинэ QR код гаргана',
    due: 'Төлөх дүн',
  },
  thankYou: {
    title: 'Худалдан авалт хийсэнд баярлалаа!',
    total: 'Нийт дүн',
    receipt: 'И-баримт аппаараа энэ кодыг уншуулж баримтаа бүртгүүлнэ үү',
  },
} as const;

type DisplayCatalog = CatalogOf<typeof displayMn>;

export const displayEn: DisplayCatalog = {
  welcome: 'Welcome',
  welcomeHint: 'Your items and the amount to pay will appear here',
  connecting: 'One moment, please…',
  cart: {
    title: 'Your basket',
    items: 'Items: {{n}}',
    discount: 'Discount',
    vat: 'VAT',
    cityTax: 'City tax',
    total: 'Total',
    paid: 'Paid',
    due: 'Left to pay',
    empty: 'Waiting for the first item',
  },
  pay: {
    amount: 'Amount to pay',
    scan: 'Open your bank app and scan the QR code',
    phone: 'Invoice sent to your phone — approve it in the app',
    deeplink: 'Open your bank app on your phone to confirm the payment',
    expiresIn: 'Valid for {{time}}',
    expiredSoon: 'Time is up',
    checking: 'Checking the payment with the bank…',
    total: 'Total: {{amount}}',
  },
  paid: {
    title: 'Payment received',
    total: 'Paid',
    change: 'Your change',
  },
  declined: {
    title: 'Payment declined',
    hint: 'Please try again or pay another way',
    due: 'Amount to pay',
  },
  expired: {
    title: 'The payment request has expired',
    hint: 'The cashier will show a new QR code',
    due: 'Amount to pay',
  },
  thankYou: {
    title: 'Thank you for your purchase!',
    total: 'Total',
    receipt: 'Scan this code with the eBarimt app to register your receipt',
  },
};

export const displayKa: DisplayCatalog = {
  welcome: 'მოგესალმებით',
  welcomeHint: 'თქვენი შენაძენი და გადასახდელი თანხა აქ გამოჩნდება',
  connecting: 'გთხოვთ, მოიცადოთ…',
  cart: {
    title: 'თქვენი კალათა',
    items: 'ნივთები: {{n}}',
    discount: 'ფასდაკლება',
    vat: 'დღგ',
    cityTax: 'ქალაქის გადასახადი',
    total: 'სულ',
    paid: 'გადახდილია',
    due: 'დარჩენილი გადასახდელი',
    empty: 'ველოდებით პირველ ნივთს',
  },
  pay: {
    amount: 'გადასახდელი თანხა',
    scan: 'გახსენით ბანკის აპლიკაცია და დაასკანერეთ QR კოდი',
    phone: 'ინვოისი გამოგეგზავნათ ტელეფონზე — დაადასტურეთ აპლიკაციაში',
    deeplink: 'გახსენით ბანკის აპლიკაცია ტელეფონზე და დაადასტურეთ გადახდა',
    expiresIn: 'მოქმედებს: {{time}}',
    expiredSoon: 'დრო ამოიწურა',
    checking: 'გადახდას ბანკთან ვამოწმებთ…',
    total: 'სულ: {{amount}}',
  },
  paid: {
    title: 'გადახდა მიღებულია',
    total: 'გადახდილია',
    change: 'ხურდა',
  },
  declined: {
    title: 'გადახდა უარყოფილია',
    hint: 'სცადეთ თავიდან ან გადაიხადეთ სხვა გზით',
    due: 'გადასახდელი თანხა',
  },
  expired: {
    title: 'გადახდის მოთხოვნას ვადა გაუვიდა',
    hint: 'მოლარე ახალ QR კოდს გაჩვენებთ',
    due: 'გადასახდელი თანხა',
  },
  thankYou: {
    title: 'გმადლობთ შენაძენისთვის!',
    total: 'სულ',
    receipt: 'დაასკანერეთ ეს კოდი eBarimt აპლიკაციით ქვითრის დასარეგისტრირებლად',
  },
};

export const displayUz: DisplayCatalog = {
  welcome: 'Xush kelibsiz',
  welcomeHint: 'Xaridingiz va toʻlov summasi shu yerda koʻrsatiladi',
  connecting: 'Iltimos, kuting…',
  cart: {
    title: 'Savatingiz',
    items: 'Mahsulotlar: {{n}}',
    discount: 'Chegirma',
    vat: 'QQS',
    cityTax: 'Shahar solig‘i',
    total: 'Jami',
    paid: 'Toʻlangan',
    due: 'Qolgan toʻlov',
    empty: 'Birinchi mahsulot kutilmoqda',
  },
  pay: {
    amount: 'Toʻlov summasi',
    scan: 'Bank ilovangizni oching va QR kodni skanerlang',
    phone: 'Hisob telefoningizga yuborildi — ilovada tasdiqlang',
    deeplink: 'Telefoningizda bank ilovasini ochib, toʻlovni tasdiqlang',
    expiresIn: 'Amal qilish muddati: {{time}}',
    expiredSoon: 'Vaqt tugadi',
    checking: 'Toʻlov bank bilan tekshirilmoqda…',
    total: 'Jami: {{amount}}',
  },
  paid: {
    title: 'Toʻlov qabul qilindi',
    total: 'Toʻlandi',
    change: 'Qaytim',
  },
  declined: {
    title: 'Toʻlov rad etildi',
    hint: 'Qaytadan urinib koʻring yoki boshqa usulda toʻlang',
    due: 'Toʻlov summasi',
  },
  expired: {
    title: 'Toʻlov soʻrovining muddati tugadi',
    hint: 'Kassir yangi QR kod koʻrsatadi',
    due: 'Toʻlov summasi',
  },
  thankYou: {
    title: 'Xaridingiz uchun rahmat!',
    total: 'Jami',
    receipt: 'Chekni roʻyxatdan oʻtkazish uchun bu kodni eBarimt ilovasi bilan skanerlang',
  },
};

export const displayRu: DisplayCatalog = {
  welcome: 'Добро пожаловать',
  welcomeHint: 'Ваши покупки и сумма к оплате появятся здесь',
  connecting: 'Пожалуйста, подождите…',
  cart: {
    title: 'Ваша корзина',
    items: 'Товаров: {{n}}',
    discount: 'Скидка',
    vat: 'НДС',
    cityTax: 'Городской налог',
    total: 'Итого',
    paid: 'Оплачено',
    due: 'Осталось оплатить',
    empty: 'Ожидаем первый товар',
  },
  pay: {
    amount: 'К оплате',
    scan: 'Откройте приложение банка и отсканируйте QR-код',
    phone: 'Счёт отправлен на ваш телефон — подтвердите его в приложении',
    deeplink: 'Откройте приложение банка на телефоне и подтвердите оплату',
    expiresIn: 'Действует ещё {{time}}',
    expiredSoon: 'Время вышло',
    checking: 'Проверяем оплату в банке…',
    total: 'Итого: {{amount}}',
  },
  paid: {
    title: 'Оплата прошла',
    total: 'Оплачено',
    change: 'Ваша сдача',
  },
  declined: {
    title: 'Оплата отклонена',
    hint: 'Попробуйте ещё раз или оплатите другим способом',
    due: 'К оплате',
  },
  expired: {
    title: 'Срок счёта истёк',
    hint: 'Кассир покажет новый QR-код',
    due: 'К оплате',
  },
  thankYou: {
    title: 'Спасибо за покупку!',
    total: 'Итого',
    receipt: 'Отсканируйте этот код приложением eBarimt, чтобы зарегистрировать чек',
  },
};
