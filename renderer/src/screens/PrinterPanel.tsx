import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../shared/settings';
import { RECEIPT_LOCALES } from '../../../shared/settings/printer';
import { usePrinterSetupStore } from '../stores/printer-setup';
import { useSettingsStore } from '../stores/settings';
import { errorText } from './error-text';
import { Field } from './Field';
import { PrinterConnectionFields } from './PrinterConnectionFields';

/** A checkbox row of the panel, bound to one settings path. */
function Check(props: { id: string; label: string; checked: boolean; path: readonly string[] }) {
  const edit = useSettingsStore((s) => s.edit);
  return (
    <div className="field field-check">
      <input
        id={props.id}
        data-testid={props.id}
        type="checkbox"
        checked={props.checked}
        onChange={(e) => {
          edit(props.path, e.target.checked);
        }}
      />
      <label htmlFor={props.id}>{props.label}</label>
    </div>
  );
}

/** A select row bound to one settings path; the chosen option's value (number or text) goes to the draft as is. */
function Choice(props: {
  id: string;
  label: string;
  value: string | number;
  path: readonly string[];
  options: readonly { value: string | number; label: string }[];
}) {
  const edit = useSettingsStore((s) => s.edit);
  const error = useSettingsStore((s) => s.fieldErrors[props.path.join('.')]);
  return (
    <Field id={props.id} label={props.label} error={error}>
      <select
        id={props.id}
        data-testid={props.id}
        value={props.value}
        onChange={(e) => {
          const picked = props.options.find((o) => String(o.value) === e.target.value);
          edit(props.path, picked?.value ?? e.target.value);
        }}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/**
 * Settings → Printer (a manager's; part of the settings form, saved by its Save): how the printer is reached,
 * what it can print, the receipt's language, auto print and the cash drawer — plus "Test print" (the connection
 * and profile on screen, before saving) and "Open drawer" (with a reason, journaled by main).
 */
export function PrinterPanel({ draft }: { draft: Settings }) {
  const { t } = useTranslation();
  const edit = useSettingsStore((s) => s.edit);
  const codePageError = useSettingsStore((s) => s.fieldErrors['printer.profile.codePageNumber']);
  const list = usePrinterSetupStore((s) => s.list);
  const listing = usePrinterSetupStore((s) => s.listing);
  const setup = usePrinterSetupStore.getState;
  const printer = draft.printer;
  const profile = printer.profile;

  useEffect(() => {
    setup().clearResults();
    void setup().loadList();
  }, [setup]);

  return (
    <fieldset className="card" data-testid="printer-panel">
      <legend>{t('printer.panel.title')}</legend>
      <p className="hint">{t('printer.panel.hint')}</p>
      <PrinterConnectionFields draft={draft} list={list} />
      <button
        type="button"
        className="button button-small"
        data-testid="printer-list-refresh"
        disabled={listing}
        onClick={() => void setup().loadList()}
      >
        {t('printer.panel.refresh')}
      </button>
      {printer.connection.kind !== 'none' && (
        <>
          <Choice
            id="printer-paper"
            label={t('printer.panel.paperWidth')}
            value={profile.paperWidth}
            path={['printer', 'profile', 'paperWidth']}
            options={[58, 80].map((mm) => ({ value: mm, label: t('printer.panel.paper', { mm }) }))}
          />
          <Choice
            id="printer-code-page"
            label={t('printer.panel.codePage')}
            value={profile.codePage}
            path={['printer', 'profile', 'codePage']}
            options={[
              { value: 'cp866', label: 'CP866' },
              { value: 'wpc1251', label: 'WPC1251' },
            ]}
          />
          <Field
            id="printer-code-page-number"
            label={t('printer.panel.codePageNumber')}
            error={codePageError}
          >
            <input
              id="printer-code-page-number"
              data-testid="printer-code-page-number"
              type="number"
              min={0}
              max={255}
              value={profile.codePageNumber ?? ''}
              aria-invalid={codePageError !== undefined}
              onChange={(e) => {
                const text = e.target.value;
                const n = Number(text);
                // Empty: the code page's Epson number (PC866 = 17, WPC1251 = 46).
                edit(
                  ['printer', 'profile', 'codePageNumber'],
                  text.trim() === '' ? undefined : Number.isNaN(n) ? text : n,
                );
              }}
            />
          </Field>
          <Choice
            id="printer-georgian"
            label={t('printer.panel.georgian')}
            value={profile.georgian}
            path={['printer', 'profile', 'georgian']}
            options={(['raster', 'transliterate'] as const).map((m) => ({
              value: m,
              label: t(`printer.panel.georgianModes.${m}`),
            }))}
          />
          <Choice
            id="printer-extras"
            label={t('printer.panel.cyrillicExtras')}
            value={profile.cyrillicExtras ?? 'substitute'}
            path={['printer', 'profile', 'cyrillicExtras']}
            options={(['substitute', 'raster'] as const).map((m) => ({
              value: m,
              label: t(`printer.panel.cyrillicExtrasModes.${m}`),
            }))}
          />
        </>
      )}
      <Choice
        id="printer-locale"
        label={t('printer.panel.locale')}
        value={printer.locale}
        path={['printer', 'locale']}
        options={[
          { value: 'auto', label: t('printer.panel.localeAuto') },
          ...RECEIPT_LOCALES.map((l) => ({ value: l, label: t(`settings.displayLanguages.${l}`) })),
        ]}
      />
      <Check
        id="printer-auto-print"
        label={t('printer.panel.autoPrint')}
        checked={printer.autoPrint}
        path={['printer', 'autoPrint']}
      />
      <Check
        id="printer-kick-on-cash"
        label={t('printer.panel.kickOnCash')}
        checked={printer.drawer.kickOnCash}
        path={['printer', 'drawer', 'kickOnCash']}
      />
      <Choice
        id="printer-drawer-pin"
        label={t('printer.panel.drawerPin')}
        value={printer.drawer.pin}
        path={['printer', 'drawer', 'pin']}
        options={[2, 5].map((pin) => ({ value: pin, label: t('printer.panel.pin', { pin }) }))}
      />
      <PrinterActions draft={draft} />
    </fieldset>
  );
}

/** Test print (the settings on screen) and Open drawer (the saved printer, with the manager's reason). */
function PrinterActions({ draft }: { draft: Settings }) {
  const { t } = useTranslation();
  const testing = usePrinterSetupStore((s) => s.testing);
  const testResult = usePrinterSetupStore((s) => s.testResult);
  const opening = usePrinterSetupStore((s) => s.opening);
  const drawerResult = usePrinterSetupStore((s) => s.drawerResult);
  const lastError = usePrinterSetupStore((s) => s.lastError);
  const setup = usePrinterSetupStore.getState;
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);

  const openDrawer = (): void => {
    if (reason.trim() === '') {
      setReasonMissing(true);
      return;
    }
    void setup()
      .openDrawer(reason.trim())
      .then((ok) => {
        if (ok) {
          setReason('');
        }
      });
  };

  return (
    <div className="printer-actions">
      <div className="row">
        <button
          type="button"
          className="button"
          data-testid="printer-test"
          disabled={testing}
          onClick={() => void setup().test(draft.printer.connection, draft.printer.profile)}
        >
          {testing ? t('printer.panel.testing') : t('printer.panel.test')}
        </button>
        {testResult && (
          <span
            role="status"
            data-testid="printer-test-result"
            data-printed={testResult.printed}
            data-state={testResult.state}
          >
            {t(testResult.printed ? 'printer.panel.testPrinted' : 'printer.panel.testNotPrinted', {
              state: t(`printer.states.${testResult.state}`),
            })}
          </span>
        )}
      </div>
      <Field
        id="printer-drawer-reason"
        label={t('printer.panel.drawerReason')}
        error={reasonMissing ? t('printer.panel.drawerReasonNeeded') : undefined}
      >
        <input
          id="printer-drawer-reason"
          data-testid="printer-drawer-reason"
          type="text"
          autoComplete="off"
          maxLength={200}
          value={reason}
          aria-invalid={reasonMissing}
          onChange={(e) => {
            setReason(e.target.value);
            setReasonMissing(false);
          }}
          onKeyDown={(e) => {
            // Enter opens the drawer, not the settings form's Save.
            if (e.key === 'Enter') {
              e.preventDefault();
              openDrawer();
            }
          }}
        />
      </Field>
      <div className="row">
        <button
          type="button"
          className="button"
          data-testid="printer-open-drawer"
          disabled={opening}
          onClick={openDrawer}
        >
          {t('printer.panel.openDrawer')}
        </button>
        {drawerResult !== null && (
          <span role="status" data-testid="printer-drawer-result" data-state={drawerResult}>
            {t('printer.panel.drawerOpened', { state: t(`printer.states.${drawerResult}`) })}
          </span>
        )}
      </div>
      {lastError && (
        <p className="inline-error" role="alert" data-testid="printer-panel-error" data-code={lastError.code}>
          {errorText(t, lastError)}
        </p>
      )}
    </div>
  );
}
