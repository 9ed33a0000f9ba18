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
  catalog: {
    title: 'Барааны жагсаалт',
    hint: 'Хүснэгтээс CSV файл оруулна: sku, name, price (заавал), barcode, unit, vat_percent, city_tax_percent. Алдаатай мөр байвал юу ч солигдохгүй.',
    choose: 'CSV файл сонгох',
    imported: '{{count}} бараа орлоо.',
    failed: 'Файлыг оруулсангүй. Дараах мөрүүдийг засна уу:',
  },
};
