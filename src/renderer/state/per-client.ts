import type { WeirClient } from '../../shared/contract/client.js';

/** One instance per client (the page has one): shared stores without another React context. */
export function perClient<T>(factory: (client: WeirClient) => T): (client: WeirClient) => T {
  const cache = new WeakMap<WeirClient, T>();
  return (client) => {
    let value = cache.get(client);
    if (value === undefined) {
      value = factory(client);
      cache.set(client, value);
    }
    return value;
  };
}
