/** Settings → scanners panel (cashier UI) — Mongolian. */
export const devicesMn = {
  devices: {
    title: 'Сканнер, төхөөрөмж',
    hint: 'Баркод уншигч болгон ашиглах төхөөрөмжөө сонгоно уу. Гар (keyboard) горимын сканнер тохиргоогүйгээр ажиллана.',
    unavailable: 'USB төхөөрөмж уншиж чадахгүй байна.',
    noHotplug: 'Сканнер залгасны дараа «Дахин хайх» товчийг дарна уу.',
    empty: 'Залгасан HID төхөөрөмж олдсонгүй.',
    device: 'Төхөөрөмж',
    id: 'Таних код',
    useAsScanner: 'Сканнер',
    status: 'Төлөв',
    rescan: 'Дахин хайх',
    states: {
      connected: 'Холбогдсон',
      disconnected: 'Салгасан',
      error: 'Алдаа',
      unused: 'Ашиглаагүй',
    },
  },
};
