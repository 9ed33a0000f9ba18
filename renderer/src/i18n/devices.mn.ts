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
    hint: 'Хүснэгтээс CSV файл оруулна (таслал эсвэл цэгтэй таслал): sku, name, price (заавал), barcode, barcodes, unit, vat_percent, city_tax_percent, city_tax, tax_type, classification_code, tax_product_code, category, favourite. Алдаатай мөр байвал юу ч солигдохгүй.',
    choose: 'CSV файл сонгох',
    working: 'Файлыг илгээж байна…',
    progress: '{{rows}} мөр шалгалаа ({{percent}} %)…',
    imported: '{{count}} бараа орлоо.',
    warnings_one: '{{count}} бараанд баримтын код дутуу: И-баримт түүнийг хүлээн авахгүй.',
    warnings_other: '{{count}} бараанд баримтын код дутуу: И-баримт тэдгээрийг хүлээн авахгүй.',
    failed: 'Файлыг оруулсангүй. Дараах мөрүүдийг засна уу:',
  },
};
