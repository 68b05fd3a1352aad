import type { ClusterInput, ClusterView } from '../../shared/contract/clusters-schema.js';

/** The cluster form's state: plain strings as typed; write-only secrets start empty. */
export interface VariableRow {
  readonly key: number;
  readonly name: string;
  readonly value: string;
  readonly secret: boolean;
  /** A secret value is stored already: an empty value keeps it. */
  readonly stored: boolean;
}

export type TlsMode = 'system' | 'ca' | 'skip';

export interface ClusterForm {
  readonly kind: 'standalone' | 'yarn';
  readonly name: string;
  readonly restUrl: string;
  readonly gatewayUrl: string;
  readonly authName: string;
  readonly authValue: string;
  readonly authStored: boolean;
  readonly tlsMode: TlsMode;
  readonly caPem: string;
  readonly caStored: boolean;
  readonly rmUrl: string;
  readonly sshHost: string;
  readonly sshPort: string;
  readonly sshUser: string;
  readonly sshAuth: 'password' | 'key';
  readonly sshSecret: string;
  readonly sshStored: boolean;
  readonly flinkHome: string;
  readonly variables: readonly VariableRow[];
}

let nextKey = 1;
export function newVariableRow(): VariableRow {
  return { key: nextKey++, name: '', value: '', secret: false, stored: false };
}

export function formFromCluster(c: ClusterView | null): ClusterForm {
  return {
    kind: c?.kind ?? 'standalone',
    name: c?.name ?? '',
    restUrl: c?.kind === 'standalone' ? (c.restUrl ?? '') : '',
    gatewayUrl: c?.gatewayUrl ?? '',
    authName: c?.authHeaderName ?? '',
    authValue: '',
    authStored: Boolean(c?.authHeaderName),
    tlsMode: c?.tls.skipVerify ? 'skip' : c?.tls.hasCa ? 'ca' : 'system',
    caPem: '',
    caStored: Boolean(c?.tls.hasCa),
    rmUrl: c?.yarn?.rmUrl ?? '',
    sshHost: c?.yarn?.host ?? '',
    sshPort: String(c?.yarn?.port ?? 22),
    sshUser: c?.yarn?.user ?? '',
    sshAuth: c?.yarn?.auth ?? 'password',
    sshSecret: '',
    sshStored: Boolean(c?.yarn),
    flinkHome: c?.yarn?.flinkHome ?? '',
    variables: (c?.variables ?? []).map((v) => ({ key: nextKey++, name: v.name, value: v.value ?? '', secret: v.secret, stored: v.secret })),
  };
}

/** What `clusters.save` takes; empty write-only fields are omitted so the stored secret stays. */
export function formToInput(f: ClusterForm): ClusterInput {
  const variables = f.variables
    .filter((v) => v.name.trim() !== '')
    .map((v) => ({ name: v.name.trim(), secret: v.secret, ...(v.secret && v.stored && v.value === '' ? {} : { value: v.value }) }));
  if (f.kind === 'yarn') {
    return {
      kind: 'yarn',
      name: f.name,
      variables,
      rmUrl: f.rmUrl,
      ssh: {
        host: f.sshHost,
        port: Number(f.sshPort) || 22,
        user: f.sshUser,
        auth: f.sshAuth,
        ...(f.sshSecret !== '' ? { secret: f.sshSecret } : {}),
        flinkHome: f.flinkHome,
      },
    };
  }
  return {
    kind: 'standalone',
    name: f.name,
    variables,
    restUrl: f.restUrl,
    ...(f.gatewayUrl.trim() !== '' ? { gatewayUrl: f.gatewayUrl } : {}),
    ...(f.authName.trim() !== '' ? { authHeader: { name: f.authName.trim(), ...(f.authValue !== '' ? { value: f.authValue } : {}) } } : {}),
    ...(f.tlsMode === 'skip'
      ? { tls: { skipVerify: true } }
      : f.tlsMode === 'ca'
        ? { tls: { skipVerify: false, ...(f.caPem.trim() !== '' ? { caPem: f.caPem } : {}) } }
        : {}),
  };
}
