/** Settings → scanners panel (cashier UI) — English; exactly the keys of devices.mn.ts. */
import type { CatalogOf } from './catalog';
import type { devicesMn } from './devices.mn';

export const devicesEn: CatalogOf<typeof devicesMn> = {
  devices: {
    title: 'Scanners and devices',
    hint: 'Choose which devices are barcode scanners. Keyboard-mode scanners work without any setup.',
    unavailable: 'USB devices cannot be read.',
    noHotplug: 'After plugging a scanner in, press Rescan.',
    empty: 'No HID devices are plugged in.',
    device: 'Device',
    id: 'ID',
    useAsScanner: 'Scanner',
    status: 'Status',
    rescan: 'Rescan',
    states: {
      connected: 'Connected',
      disconnected: 'Unplugged',
      error: 'Error',
      unused: 'Not used',
    },
  },
  catalog: {
    title: 'Product catalog',
    hint: 'Import a CSV export of your price list (comma or semicolon): sku, name, price (required), barcode, barcodes, unit, vat_percent, city_tax_percent, city_tax, tax_type, classification_code, tax_product_code, category, favourite. If any row is wrong nothing changes.',
    choose: 'Choose a CSV file',
    working: 'Sending the file…',
    progress: '{{rows}} rows checked ({{percent}} %)…',
    imported: '{{count}} products imported.',
    warnings_one: '{{count}} product lacks receipt codes: a Mongolian receipt will refuse it.',
    warnings_other: '{{count}} products lack receipt codes: a Mongolian receipt will refuse them.',
    failed: 'The file was not imported. Fix these rows:',
  },
};
