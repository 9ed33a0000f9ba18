/**
 * `kassa doctor`: what an installer checks before handing a till over. One line per check, each failure with
 * a cause someone on site can act on. Provider checks are added as each provider's doctor lands.
 */
import type { DoctorLine } from '../providers/context';
import type { NodeKassa } from './node-kassa';

export async function runDoctor(node: NodeKassa): Promise<DoctorLine[]> {
  const lines: DoctorLine[] = [];
  const settings = node.settings.get();
  lines.push({
    provider: 'settings',
    ok: true,
    detail: `${settings.profile} profile, ${settings.country}, ${node.settings.path}`,
  });
  const vault = node.vault.status();
  lines.push({
    provider: 'vault',
    ok: !vault.locked,
    detail: vault.locked
      ? (vault.warning ?? 'locked')
      : `${vault.backend}; ${vault.secrets.filter((s) => s.set).length} secret(s) set`,
  });
  return Promise.resolve(lines);
}
