/**
 * `kassa doctor`: what an installer checks before handing a till over — the same checks as the app:doctor
 * channel (settings, vault, every configured provider), one line each with a cause someone on site can act on.
 */
import type { DoctorLine } from '../providers/context';
import type { NodeKassa } from './node-kassa';

export async function runDoctor(node: NodeKassa): Promise<DoctorLine[]> {
  const result = await node.kassa.invoke('operator', 'app:doctor', {});
  if (!result.ok) {
    return [{ provider: 'kassa', ok: false, detail: result.error.message }];
  }
  return result.value as DoctorLine[];
}
