import { join } from 'node:path';
import { ApplicationService } from '../apps/application-service.js';
import { ApplicationStore } from '../apps/application-store.js';
import { RestartPolicyRunner } from '../apps/restart-policy.js';
import { AlertChannels } from '../alerts/alert-channels.js';
import { AlertService } from '../alerts/alert-service.js';
import type { AppInfo, LocalCluster } from '../../shared/contract/contract.js';
import { createTranslator, describeDiagnostic } from '../../shared/i18n/translator.js';
import { stateCompatibility } from '../../shared/sql/services/state-compatibility.js';
import { openCatalog, type Catalog } from '../catalog/catalog.js';
import { ClusterClients } from '../clusters/cluster-clients.js';
import { ClusterService } from '../clusters/cluster-service.js';
import { ClusterRegistry } from '../clusters/cluster-registry.js';
import { KnownHosts } from '../clusters/ssh/known-hosts.js';
import { DeployService } from '../deploy/deploy-service.js';
import { DeploymentStore } from '../deploy/deployment-store.js';
import { JobActions } from '../jobs/job-actions.js';
import { JobDetails } from '../jobs/job-details.js';
import { JobMonitor } from '../jobs/job-monitor.js';
import { SavepointStore } from '../jobs/savepoint-store.js';
import { PreviewService } from '../preview/preview-service.js';
import { FileService } from '../files/file-service.js';
import type { SecretCipher } from '../secrets/secret-cipher.js';
import { redactDeep, type Redact } from '../secrets/redact.js';
import { SecretRedactor } from '../secrets/secret-redactor.js';
import { SecretStore } from '../secrets/secret-store.js';
import { SettingsService } from '../settings/settings-service.js';
import { registerLocalCluster } from '../stack/local-cluster-registration.js';
import { LocalStackService } from '../stack/local-stack-service.js';
import { createStackParts } from '../stack/parts.js';
import { stackPaths, stackPorts } from '../stack/stack-config.js';
import { WorkspaceService } from '../workspaces/workspace-service.js';
import type { Logger } from './logger.js';
import { redactingLogger } from './redacting-logger.js';
import { systemClock, type Clock } from './clock.js';
import { EventHub } from './event-hub.js';
import type { EventSink } from './events.js';
import { APP_VERSION } from './version.js';

export interface ServicesOptions {
  readonly home: string;
  readonly host: AppInfo['host'];
  readonly cipher: SecretCipher;
  readonly clock?: Clock;
  readonly nativeBinding?: string;
  readonly resourcesDir: string;
  readonly log: Logger;
  readonly env?: NodeJS.ProcessEnv;
  /** The Flink SQL runner jar deploys upload (dist/flink-sql-runner/flink-sql-runner.jar). */
  readonly runnerJar: string;
  /** Job monitor period; tests shorten it. */
  readonly jobTickMs?: number;
}

/** Everything the hosts expose, built once per process from explicit dependencies. */
export interface Services {
  readonly catalog: Catalog;
  /** The log every service writes, with every known secret value redacted. */
  readonly log: Logger;
  /** Removes every known secret value from a text (errors, replies, output). */
  readonly redact: Redact;
  /** The same, with `current()` for many strings at once. */
  readonly redactor: SecretRedactor;
  readonly events: EventHub;
  readonly workspaces: WorkspaceService;
  readonly files: FileService;
  readonly settings: SettingsService;
  readonly secrets: SecretStore;
  readonly stack: LocalStackService;
  readonly clusters: ClusterService;
  readonly deployments: DeploymentStore;
  readonly deploy: DeployService;
  readonly apps: ApplicationService;
  readonly alertChannels: AlertChannels;
  readonly alerts: AlertService;
  readonly monitor: JobMonitor;
  readonly jobs: JobActions;
  readonly jobDetails: JobDetails;
  readonly preview: PreviewService;
  info(): AppInfo;
  /** The embedded default: bring the local stack up when no cluster is configured (WEIR_LOCAL_STACK=off disables). */
  autostartLocalStack(): void;
  close(): void;
}

export function catalogFile(home: string): string {
  return join(home, 'catalog.sqlite');
}

export function createServices(options: ServicesOptions): Services {
  const clock = options.clock ?? systemClock;
  const catalog = openCatalog({
    file: catalogFile(options.home),
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  const events = new EventHub();
  const secrets = new SecretStore(catalog, options.cipher, clock);
  const redactor = new SecretRedactor(catalog, secrets);
  const redact = redactor.redact;
  const log = redactingLogger(options.log, redact);
  // what clusters and the stack report reaches every window: redacted (files' own events are the user's text)
  const emit: EventSink = (event, payload) => events.emit(event, redactDeep(payload, redactor.current()));
  const workspaces = new WorkspaceService(catalog, clock);
  workspaces.ensureDefault();
  const env = options.env ?? process.env;
  const paths = stackPaths(options.resourcesDir, env);
  const ports = stackPorts(env);
  const settings = new SettingsService(catalog, events.emit);
  const files = new FileService(catalog, clock, events.emit);
  const registry = new ClusterRegistry(catalog, secrets, clock);
  // WEIR_LOCAL_STACK=off: Weir manages no local stack, neither starting nor registering it.
  const onLocal = env.WEIR_LOCAL_STACK === 'off' ? undefined : (local: LocalCluster) => void registerLocalCluster(registry, settings, local);
  const stack = new LocalStackService(createStackParts(paths, ports), paths, ports, emit, log, onLocal);
  const clients = new ClusterClients(registry);
  const clusters = new ClusterService(registry, clients, new KnownHosts(catalog, clock));
  const deployments = new DeploymentStore(catalog, clock, redact);
  const savepoints = new SavepointStore(catalog, clock);
  // Bound below, once the actions it restarts with exist (they need the monitor's refresh).
  let restartPolicy: RestartPolicyRunner | null = null;
  let alerts: AlertService | null = null;
  const monitor = new JobMonitor({
    clusters: registry,
    clients,
    deployments,
    emit,
    clock,
    log,
    ...(options.jobTickMs ? { tickMs: options.jobTickMs } : {}),
    afterTick: (clusterId, jobs) => {
      void alerts?.observe(clusterId, jobs);
      void restartPolicy?.check(clusterId, jobs);
    },
  });
  const lookSoon = (clusterId: number) => void monitor.refresh(clusterId);
  // Pre-deploy diagnostics in the language the user chose (English until they choose).
  const diagnosticText = (code: string, params: Readonly<Record<string, string | number>>) =>
    describeDiagnostic(createTranslator(settings.get().locale ?? 'en'), code, params);
  const deploy = new DeployService({
    catalog,
    clock,
    clusters: registry,
    clients,
    files,
    deployments,
    savepoints,
    runnerJar: options.runnerJar,
    diagnosticText,
    log: log,
    onDeployed: lookSoon,
  });
  const jobs = new JobActions({ clients, deployments, savepoints, deploy, log, changed: lookSoon });
  const alertChannels = new AlertChannels(catalog, secrets, clock);
  alerts = new AlertService({
    channels: alertChannels,
    clock,
    log,
    text: (key, params) => createTranslator(settings.get().locale ?? 'en').t(key, params),
    clusterName: (id) => registry.get(id).name,
  });
  const applicationStore = new ApplicationStore(catalog, deployments, clock);
  restartPolicy = new RestartPolicyRunner({ apps: applicationStore, jobs, clients, deployments, savepoints, clock, log });
  const apps = new ApplicationService({
    apps: applicationStore,
    deployments,
    savepoints,
    deploy,
    jobs,
    clients,
    clusters: registry,
    files,
    log,
    compatibility: stateCompatibility,
  });
  return {
    stack,
    clusters,
    deployments,
    deploy,
    apps,
    alertChannels,
    alerts,
    monitor,
    jobs,
    jobDetails: new JobDetails({ clients, deployments, savepoints }),
    preview: new PreviewService({ clients, emit, log }),
    autostartLocalStack: () => {
      if (env.WEIR_LOCAL_STACK === 'off') return;
      const clusters = (catalog.db.prepare('SELECT count(*) AS n FROM clusters').get() as { n: number }).n;
      if (clusters === 0) void stack.up();
    },
    catalog,
    log,
    redact,
    redactor,
    events,
    workspaces,
    files,
    settings,
    secrets,
    info: () => ({ version: APP_VERSION, host: options.host, home: options.home, catalogVersion: catalog.version }),
    close: () => {
      monitor.stop();
      void clients.close();
      catalog.close();
    },
  };
}
