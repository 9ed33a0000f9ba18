/**
 * Every channel and event of the IPC contract, joined from the domain files beside this one. Add a domain by
 * writing shared/channels/<domain>.ts and spreading it below; shared/contract.ts derives every type from here.
 */
import type { ChannelDef, EventDef } from '../channel';
import { appChannels } from './app';
import { cardChannels } from './card';
import { approvalChannels, approvalEvents } from './approval';
import { devicesChannels, devicesEvents } from './devices';
import { journalChannels } from './journal';
import { paymentChannels, paymentEvents } from './payment';
import { printerChannels, printerEvents } from './printer';
import { saleChannels, saleEvents } from './sale';
import { receiptChannels, receiptEvents } from './receipt';
import { sandboxChannels } from './sandbox';
import { scanChannels, scanEvents } from './scan';
import { displayChannels, displayEvents } from './display';
import { secretsChannels } from './secrets';
import { sessionChannels } from './session';
import { settingsChannels } from './settings';
import { uploadChannels } from './upload';

export const channels = {
  ...appChannels,
  ...sessionChannels,
  ...settingsChannels,
  ...secretsChannels,
  ...displayChannels,
  ...approvalChannels,
  ...saleChannels,
  ...paymentChannels,
  ...cardChannels,
  ...journalChannels,
  ...sandboxChannels,
  ...receiptChannels,
  ...devicesChannels,
  ...printerChannels,
  ...scanChannels,
  ...uploadChannels,
} as const satisfies Record<string, ChannelDef>;

export const events = {
  ...displayEvents,
  ...approvalEvents,
  ...saleEvents,
  ...paymentEvents,
  ...receiptEvents,
  ...devicesEvents,
  ...printerEvents,
  ...scanEvents,
} as const satisfies Record<string, EventDef>;
