import { useTranslation } from 'react-i18next';
import type { PrinterList } from '../../../shared/channels/printer';
import type { Settings } from '../../../shared/settings';
import { PRINTER_BAUD_RATES, type PrinterConnectionSetting } from '../../../shared/settings/printer';
import { useSettingsStore } from '../stores/settings';
import { Field } from './Field';

export const CONNECTION_KINDS = ['none', 'tcp', 'serial', 'usb', 'system'] as const;
type ConnectionKind = (typeof CONNECTION_KINDS)[number];

/**
 * The connection a newly chosen kind starts from: the first printer or port the till found, else empty fields.
 * An empty field is left for the host to refuse on Save, so its message shows under the field (Field.tsx).
 */
export function startingConnection(kind: ConnectionKind, list: PrinterList | null): PrinterConnectionSetting {
  switch (kind) {
    case 'none':
      return { kind };
    case 'tcp':
      return { kind, host: '', port: 9100 };
    case 'serial':
      return { kind, path: list?.serial[0]?.path ?? '', baudRate: 19200 };
    case 'usb': {
      const first = list?.usb.printers[0];
      return first === undefined
        ? // No printer to name: ids the host refuses (0–65535), so Save says "choose one" on this field.
          { kind, vendorId: -1, productId: -1 }
        : usbConnection(first);
    }
    case 'system': {
      const chosen = list?.system.find((p) => p.isDefault) ?? list?.system[0];
      return { kind, deviceName: chosen?.name ?? '' };
    }
  }
}

function usbConnection(p: { vendorId: number; productId: number; serialNumber: string | null }) {
  return {
    kind: 'usb' as const,
    vendorId: p.vendorId,
    productId: p.productId,
    ...(p.serialNumber === null ? {} : { serialNumber: p.serialNumber }),
  };
}

const hex = (n: number): string => n.toString(16).padStart(4, '0');
const usbKey = (c: { vendorId: number; productId: number; serialNumber?: string | null }): string =>
  `${hex(c.vendorId)}:${hex(c.productId)}:${c.serialNumber ?? ''}`;

/** A number field's value for the draft: a number when it is one, else the text as typed (the host says why). */
function numberOrText(text: string): number | string {
  const n = Number(text);
  return text.trim() === '' || Number.isNaN(n) ? text : n;
}

/** Settings → Printer → how the printer is reached: the kind, then that kind's fields. */
export function PrinterConnectionFields({ draft, list }: { draft: Settings; list: PrinterList | null }) {
  const { t } = useTranslation();
  const edit = useSettingsStore((s) => s.edit);
  const errors = useSettingsStore((s) => s.fieldErrors);
  const connection = draft.printer.connection;
  const path = ['printer', 'connection'];
  const error = (field: string): string | undefined => errors[`printer.connection.${field}`];
  return (
    <>
      <Field id="printer-kind" label={t('printer.panel.connection')} error={error('kind')}>
        <select
          id="printer-kind"
          data-testid="printer-kind"
          value={connection.kind}
          onChange={(e) => {
            const kind = CONNECTION_KINDS.find((k) => k === e.target.value) ?? 'none';
            edit(path, startingConnection(kind, list));
          }}
        >
          {CONNECTION_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`printer.panel.kinds.${kind}`)}
            </option>
          ))}
        </select>
      </Field>
      {connection.kind === 'tcp' && (
        <>
          <Field id="printer-host" label={t('printer.panel.host')} error={error('host')}>
            <input
              id="printer-host"
              data-testid="printer-host"
              type="text"
              autoComplete="off"
              spellCheck={false}
              placeholder="192.168.1.50"
              value={connection.host}
              aria-invalid={error('host') !== undefined}
              onChange={(e) => {
                edit([...path, 'host'], e.target.value);
              }}
            />
          </Field>
          <Field id="printer-port" label={t('printer.panel.port')} error={error('port')}>
            <input
              id="printer-port"
              data-testid="printer-port"
              type="number"
              min={1}
              max={65535}
              value={connection.port}
              aria-invalid={error('port') !== undefined}
              onChange={(e) => {
                edit([...path, 'port'], numberOrText(e.target.value));
              }}
            />
          </Field>
        </>
      )}
      {connection.kind === 'serial' && (
        <>
          <Field id="printer-serial-path" label={t('printer.panel.serialPath')} error={error('path')}>
            <input
              id="printer-serial-path"
              data-testid="printer-serial-path"
              type="text"
              autoComplete="off"
              spellCheck={false}
              list="printer-serial-ports"
              placeholder="/dev/ttyUSB0, COM3"
              value={connection.path}
              aria-invalid={error('path') !== undefined}
              onChange={(e) => {
                edit([...path, 'path'], e.target.value);
              }}
            />
          </Field>
          <datalist id="printer-serial-ports">
            {(list?.serial ?? []).map((port) => (
              <option key={port.path} value={port.path}>
                {port.name}
              </option>
            ))}
          </datalist>
          <Field id="printer-baud" label={t('printer.panel.baudRate')} error={error('baudRate')}>
            <select
              id="printer-baud"
              data-testid="printer-baud"
              value={connection.baudRate}
              onChange={(e) => {
                edit([...path, 'baudRate'], Number(e.target.value));
              }}
            >
              {PRINTER_BAUD_RATES.map((rate) => (
                <option key={rate} value={rate}>
                  {rate}
                </option>
              ))}
            </select>
          </Field>
        </>
      )}
      {connection.kind === 'usb' && <UsbField connection={connection} list={list} error={error} />}
      {connection.kind === 'system' && (
        <Field id="printer-system" label={t('printer.panel.systemPrinter')} error={error('deviceName')}>
          <select
            id="printer-system"
            data-testid="printer-system"
            value={connection.deviceName}
            aria-invalid={error('deviceName') !== undefined}
            onChange={(e) => {
              edit([...path, 'deviceName'], e.target.value);
            }}
          >
            <option value="">
              {list !== null && list.system.length === 0
                ? t('printer.panel.systemNone')
                : t('printer.panel.choose')}
            </option>
            {connection.deviceName !== '' &&
              list?.system.some((p) => p.name === connection.deviceName) !== true && (
                <option value={connection.deviceName}>
                  {t('printer.panel.notFound', { name: connection.deviceName })}
                </option>
              )}
            {(list?.system ?? []).map((p) => (
              <option key={p.name} value={p.name}>
                {p.isDefault ? t('printer.panel.systemDefault', { name: p.name }) : p.name}
              </option>
            ))}
          </select>
        </Field>
      )}
    </>
  );
}

function UsbField({
  connection,
  list,
  error,
}: {
  connection: Extract<PrinterConnectionSetting, { kind: 'usb' }>;
  list: PrinterList | null;
  error: (field: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const edit = useSettingsStore((s) => s.edit);
  const printers = list?.usb.printers ?? [];
  const chosen = connection.vendorId >= 0 ? usbKey(connection) : '';
  const message = error('vendorId') ?? error('productId') ?? error('serialNumber');
  return (
    <>
      {list !== null && !list.usb.available && (
        <p className="banner banner-warning" role="status" data-testid="printer-usb-unavailable">
          {t('printer.panel.usbUnavailable')}
        </p>
      )}
      <Field id="printer-usb" label={t('printer.panel.usbDevice')} error={message}>
        <select
          id="printer-usb"
          data-testid="printer-usb"
          value={chosen}
          aria-invalid={message !== undefined}
          onChange={(e) => {
            const printer = printers.find((p) => usbKey(p) === e.target.value);
            edit(
              ['printer', 'connection'],
              printer ? usbConnection(printer) : startingConnection('usb', null),
            );
          }}
        >
          <option value="">
            {list !== null && printers.length === 0 ? t('printer.panel.usbNone') : t('printer.panel.choose')}
          </option>
          {chosen !== '' && !printers.some((p) => usbKey(p) === chosen) && (
            <option value={chosen}>
              {t('printer.panel.notFound', {
                name: `USB ${hex(connection.vendorId)}:${hex(connection.productId)}`,
              })}
            </option>
          )}
          {printers.map((p) => (
            <option key={usbKey(p)} value={usbKey(p)}>
              {p.name} (USB {hex(p.vendorId)}:{hex(p.productId)}
              {p.serialNumber === null ? '' : ` · ${p.serialNumber}`})
            </option>
          ))}
        </select>
      </Field>
    </>
  );
}
