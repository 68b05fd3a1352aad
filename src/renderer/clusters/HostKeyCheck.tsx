import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HostKey } from '../../shared/contract/clusters-schema.js';
import { useClusters } from '../state/clusters-store.js';
import { useWorkbench } from '../state/store-context.js';
import { useClient } from '../state/use-client.js';

/** An SSH host key Weir does not know yet (trust it after comparing), or one that changed (refused). */
export function HostKeyCheck({ clusterId, hostKey }: { clusterId: number; hostKey: HostKey }) {
  const { t } = useTranslation();
  const client = useClient();
  const report = useWorkbench((s) => s.report);
  const test = useClusters((s) => s.test);
  const [busy, setBusy] = useState(false);
  if (hostKey.status === 'trusted') {
    return (
      <p className="muted small" data-testid="host-key-trusted">
        {t('clusters.hostKey.trusted', { keyType: hostKey.keyType, fingerprint: hostKey.fingerprint })}
      </p>
    );
  }
  if (hostKey.status === 'changed') {
    return (
      <div className="host-key changed" role="alert" data-testid="host-key-changed">
        <strong>{t('clusters.hostKey.changedTitle', { host: hostKey.host, port: hostKey.port })}</strong>
        <div>
          {t('clusters.hostKey.now')} <code>{hostKey.keyType} {hostKey.fingerprint}</code>
        </div>
        <div>
          {t('clusters.hostKey.before')} <code>{hostKey.trustedFingerprint ?? '?'}</code>
        </div>
        <div>{t('clusters.hostKey.changedHint')}</div>
      </div>
    );
  }
  const trust = async () => {
    setBusy(true);
    try {
      await client.call('clusters.trustHostKey', { id: clusterId, fingerprint: hostKey.fingerprint, keyType: hostKey.keyType });
      await test(clusterId);
    } catch (error) {
      report(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="host-key unknown" data-testid="host-key-unknown">
      <div>{t('clusters.hostKey.unknown', { host: hostKey.host, port: hostKey.port })}</div>
      <code data-testid="host-key-fingerprint">
        {hostKey.keyType} {hostKey.fingerprint}
      </code>
      <div className="muted">{t('clusters.hostKey.compare')}</div>
      <button type="button" data-testid="trust-host-key" disabled={busy} onClick={() => void trust()}>
        {t('clusters.hostKey.trust')}
      </button>
    </div>
  );
}
