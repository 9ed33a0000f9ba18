/**
 * What the Electron host itself says in native dialogs, when there is no page to word it (the page crashed, or the
 * till did not start). In the cashier's language from settings; the start-failure dialog has both, since the
 * settings may be what failed.
 */
import type { CashierLocale } from '../../shared/settings';

interface HostTexts {
  pageLostTitle: string;
  pageCrashed: string;
  pageLoadFailed: string;
  pageLostDetail: (detail: string, logFile: string) => string;
  ok: string;
}

export const HOST_TEXTS: Readonly<Record<CashierLocale, HostTexts>> = {
  mn: {
    pageLostTitle: 'Kassa дэлгэцийг дахин ачааллаж байна',
    pageCrashed: 'Kassa-гийн дэлгэц гэнэт хаагдлаа. Дахин ачааллаж байна; борлуулалт хадгалагдсан.',
    pageLoadFailed: 'Kassa-гийн дэлгэц ачааллагдсангүй. Дахин оролдож байна.',
    pageLostDetail: (detail, logFile) => `${detail}\nДэлгэрэнгүй: ${logFile}`,
    ok: 'OK',
  },
  en: {
    pageLostTitle: 'Kassa is reloading its screen',
    pageCrashed: "Kassa's screen stopped unexpectedly. It is being reloaded; the sale is kept.",
    pageLoadFailed: "Kassa's screen could not be loaded. Kassa keeps trying.",
    pageLostDetail: (detail, logFile) => `${detail}\nDetails: ${logFile}`,
    ok: 'OK',
  },
};

export const START_FAILED_TITLE = 'Kassa did not start / Kassa эхэлсэнгүй';

export function startFailedText(reason: string, logFile: string | null): string {
  const where = logFile === null ? '' : `\n\nLog / Лог: ${logFile}`;
  return `${reason}${where}`;
}
