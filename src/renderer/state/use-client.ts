import { createContext, useContext } from 'react';
import type { WeirClient } from '../../shared/contract/client.js';

export const ClientContext = createContext<WeirClient | null>(null);

export function useClient(): WeirClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useClient outside ClientContext');
  return client;
}
