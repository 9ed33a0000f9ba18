/**
 * Adaptive polling: about 1 s while the customer is most likely scanning (first 30 s), then 3 s up to 2 min,
 * then 10 s — enough to notice a late payment without hammering the provider.
 */
import { SECOND } from '../kernel/clock';

export type PollPolicy = (waitingMs: number) => number;

export const defaultPollPolicy: PollPolicy = (waitingMs) => {
  if (waitingMs < 30 * SECOND) {
    return 1 * SECOND;
  }
  if (waitingMs < 120 * SECOND) {
    return 3 * SECOND;
  }
  return 10 * SECOND;
};
