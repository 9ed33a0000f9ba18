import { useTranslation } from 'react-i18next';
import { TIME_ZONE_BY_COUNTRY, type Settings } from '../../../shared/settings';
import { useSettingsStore } from '../stores/settings';
import { Field } from './Field';

let zoneList: readonly string[] | undefined;

/** Every IANA zone this runtime knows, for the time-zone list (read once: the list is long and never changes). */
function knownTimeZones(): readonly string[] {
  if (zoneList === undefined) {
    try {
      zoneList = Intl.supportedValuesOf('timeZone');
    } catch {
      zoneList = Object.values(TIME_ZONE_BY_COUNTRY);
    }
  }
  return zoneList;
}

/**
 * Settings → General → what receipts print about the store besides its name: the taxpayer number, the address,
 * and the time zone every time on receipts, reports and screens is written in (`auto`: the country's).
 */
export function StoreDetailsFields({ draft }: { draft: Settings }) {
  const { t } = useTranslation();
  const edit = useSettingsStore((s) => s.edit);
  const errors = useSettingsStore((s) => s.fieldErrors);
  const zones = knownTimeZones();
  const zone = draft.store.timeZone;
  return (
    <>
      <Field id="settings-store-tin" label={t('printer.store.tin')} error={errors['store.tin']}>
        <input
          id="settings-store-tin"
          data-testid="settings-store-tin"
          type="text"
          inputMode="numeric"
          autoComplete="off"
          value={draft.store.tin}
          aria-invalid={errors['store.tin'] !== undefined}
          onChange={(e) => {
            edit(['store', 'tin'], e.target.value);
          }}
        />
      </Field>
      <Field id="settings-store-address" label={t('printer.store.address')} error={errors['store.address']}>
        <input
          id="settings-store-address"
          data-testid="settings-store-address"
          type="text"
          autoComplete="off"
          value={draft.store.address}
          aria-invalid={errors['store.address'] !== undefined}
          onChange={(e) => {
            edit(['store', 'address'], e.target.value);
          }}
        />
      </Field>
      <Field
        id="settings-store-time-zone"
        label={t('printer.store.timeZone')}
        error={errors['store.timeZone']}
      >
        <select
          id="settings-store-time-zone"
          data-testid="settings-store-time-zone"
          value={zone}
          aria-invalid={errors['store.timeZone'] !== undefined}
          onChange={(e) => {
            edit(['store', 'timeZone'], e.target.value);
          }}
        >
          <option value="auto">
            {t('printer.store.timeZoneAuto', { zone: TIME_ZONE_BY_COUNTRY[draft.country] })}
          </option>
          {/* A saved zone this runtime lists under another name (an alias) stays choosable. */}
          {zone !== 'auto' && !zones.includes(zone) && <option value={zone}>{zone}</option>}
          {zones.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </Field>
    </>
  );
}
