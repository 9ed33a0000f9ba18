import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useDevicesStore } from '../stores/devices';

/** Settings → Scanners: choose which HID devices are scanners and see whether each one is connected. */
export function DevicesPanel() {
  const { t } = useTranslation();
  const view = useDevicesStore((s) => s.view);
  const busy = useDevicesStore((s) => s.busy);
  const load = useDevicesStore((s) => s.load);
  const rescan = useDevicesStore((s) => s.rescan);
  const toggle = useDevicesStore((s) => s.toggle);
  const follow = useDevicesStore((s) => s.follow);

  useEffect(() => {
    void load();
    return follow();
  }, [load, follow]);

  return (
    <fieldset className="card" data-testid="devices-panel">
      <legend>{t('devices.title')}</legend>
      <p className="hint">{t('devices.hint')}</p>
      {view && !view.hid.available && (
        <p className="banner banner-warning" role="status" data-testid="devices-unavailable">
          {t('devices.unavailable')} {view.hid.message}
        </p>
      )}
      {view?.hotplug === false && (
        <p className="hint" data-testid="devices-no-hotplug">
          {t('devices.noHotplug')}
        </p>
      )}
      {view && view.devices.length === 0 && <p data-testid="devices-empty">{t('devices.empty')}</p>}
      {view && view.devices.length > 0 && (
        <table className="devices" data-testid="devices-table">
          <thead>
            <tr>
              <th>{t('devices.device')}</th>
              <th>{t('devices.id')}</th>
              <th>{t('devices.useAsScanner')}</th>
              <th>{t('devices.status')}</th>
            </tr>
          </thead>
          <tbody>
            {view.devices.map((d) => (
              <tr key={d.id} data-testid={`device-${d.id}`}>
                <td>
                  {d.name}
                  {d.manufacturer ? <span className="hint"> · {d.manufacturer}</span> : null}
                </td>
                <td className="mono">{d.id}</td>
                <td>
                  <input
                    type="checkbox"
                    checked={d.selected}
                    disabled={busy}
                    data-testid={`device-select-${d.id}`}
                    aria-label={t('devices.useAsScanner')}
                    onChange={(e) => {
                      void toggle(d.id, e.currentTarget.checked);
                    }}
                  />
                </td>
                <td data-testid={`device-status-${d.id}`} data-state={d.status?.state ?? 'unused'}>
                  {d.status ? t(`devices.states.${d.status.state}`) : t('devices.states.unused')}
                  {d.status?.message ? <span className="hint"> — {d.status.message}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <button
        type="button"
        className="btn"
        disabled={busy}
        data-testid="devices-rescan"
        onClick={() => {
          void rescan();
        }}
      >
        {t('devices.rescan')}
      </button>
    </fieldset>
  );
}
