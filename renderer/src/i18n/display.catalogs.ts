/**
 * Customer display — one catalog per display language. Mongolian is the source; the rest must have its keys.
 * The display shows large, short phrases only: a customer reads them from a metre away.
 */
import type { CatalogOf } from './catalog';

export const displayMn = {
  welcome: 'Тавтай морилно уу',
  welcomeHint: 'Таны худалдан авалт, төлөх дүн энд харагдана',
  connecting: 'Түр хүлээнэ үү…',
} as const;

type DisplayCatalog = CatalogOf<typeof displayMn>;

export const displayEn: DisplayCatalog = {
  welcome: 'Welcome',
  welcomeHint: 'Your items and the amount to pay will appear here',
  connecting: 'One moment, please…',
};

export const displayKa: DisplayCatalog = {
  welcome: 'მოგესალმებით',
  welcomeHint: 'თქვენი შენაძენი და გადასახდელი თანხა აქ გამოჩნდება',
  connecting: 'გთხოვთ, მოიცადოთ…',
};

export const displayUz: DisplayCatalog = {
  welcome: 'Xush kelibsiz',
  welcomeHint: 'Xaridingiz va toʻlov summasi shu yerda koʻrsatiladi',
  connecting: 'Iltimos, kuting…',
};

export const displayRu: DisplayCatalog = {
  welcome: 'Добро пожаловать',
  welcomeHint: 'Ваши покупки и сумма к оплате появятся здесь',
  connecting: 'Пожалуйста, подождите…',
};
