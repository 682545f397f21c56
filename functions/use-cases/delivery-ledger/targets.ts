/** Who gets a message now, from the ledger's state (force, resend unconfirmed). */
import type { DeliveryState } from '../../core/contract/runs-state.ts';

export interface TargetOptions {
  /** Send to everyone again (a correction). */
  force?: boolean;
  /** Send also to the keys whose earlier delivery was never confirmed. */
  resendUnconfirmed?: boolean;
}

export interface Targets<T> {
  send: T[];
  /** Keys held back because their earlier delivery was never confirmed. */
  unconfirmed: string[];
  /** Keys already reached (not sent again). */
  reached: string[];
}

/**
 * Who gets a message now, from the ledger's state (core `deliveryState`): items are
 * ledger items or anything with a key (compared lower-case). Pure.
 */
export function pickTargets<T extends { key: string }>(
  items: readonly T[],
  state: DeliveryState,
  options: TargetOptions = {},
): Targets<T> {
  const unconfirmedKeys = new Set(state.unconfirmed.map((e) => e.recipient));
  const send: T[] = [];
  const unconfirmed: string[] = [];
  const reached: string[] = [];
  for (const item of items) {
    const key = item.key.toLowerCase();
    if (options.force) send.push(item);
    else if (state.reached.has(key)) reached.push(key);
    else if (unconfirmedKeys.has(key) && !options.resendUnconfirmed) unconfirmed.push(key);
    else send.push(item);
  }
  return { send, unconfirmed, reached };
}
