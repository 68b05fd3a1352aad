import { join } from 'node:path';
import { ApplicationService } from '../apps/application-service.js';
import { ApplicationStore } from '../apps/application-store.js';
import { RestartPolicyRunner } from '../apps/restart-policy.js';
import { AlertChannels } from '../alerts/alert-channels.js';
import { AlertService } from '../alerts/alert-service.js';
import type { AppInfo } from '../../shared/contract/contract.js';
import { createTranslator } from '../../shared/i18n/translator.js';
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
import { SecretStore } from '../secrets/secret-store.js';
import { SettingsService } from '../settings/settings-service.js';
import { LocalStackService } from '../stack/local-stack-service.js';
import { createStackParts } from '../stack/parts.js';
import { stackPaths, stackPorts } from '../stack/stack-config.js';
import { WorkspaceService } from '../workspaces/workspace-service.js';
import type { Logger } from './logger.js';
import { systemClock, type Clock } from './clock.js';
import { EventHub } from './event-hub.js';
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
  const workspaces = new WorkspaceService(catalog, clock);
  workspaces.ensureDefault();
  const env = options.env ?? process.env;
  const paths = stackPaths(options.resourcesDir, env);
  const ports = stackPorts(env);
  const stack = new LocalStackService(createStackParts(paths, ports), paths, ports, events.emit, options.log);
  const secrets = new SecretStore(catalog, options.cipher, clock);
  const settings = new SettingsService(catalog, events.emit);
  const files = new FileService(catalog, clock, events.emit);
  const registry = new ClusterRegistry(catalog, secrets, clock);
  const clients = new ClusterClients(registry);
  const clusters = new ClusterService(registry, clients, new KnownHosts(catalog, clock));
  const deployments = new DeploymentStore(catalog, clock);
  const savepoints = new SavepointStore(catalog, clock);
  // Bound below, once the actions it restarts with exist (they need the monitor's refresh).
  let restartPolicy: RestartPolicyRunner | null = null;
  let alerts: AlertService | null = null;
  const monitor = new JobMonitor({
    clusters: registry,
    clients,
    deployments,
    emit: events.emit,
    clock,
    log: options.log,
    ...(options.jobTickMs ? { tickMs: options.jobTickMs } : {}),
    afterTick: (clusterId, jobs) => {
      void alerts?.observe(clusterId, jobs);
      void restartPolicy?.check(clusterId, jobs);
    },
  });
  const lookSoon = (clusterId: number) => void monitor.refresh(clusterId);
  // Pre-deploy diagnostics in the language the user chose (English until they choose).
  const diagnosticText = (code: string, params: Readonly<Record<string, string | number>>) =>
    createTranslator(settings.get().locale ?? 'en').t(`${code}.message`, { ...params, defaultValue: code });
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
    log: options.log,
    onDeployed: lookSoon,
  });
  const jobs = new JobActions({ clients, deployments, savepoints, deploy, log: options.log, changed: lookSoon });
  const alertChannels = new AlertChannels(catalog, secrets, clock);
  alerts = new AlertService({
    channels: alertChannels,
    clock,
    log: options.log,
    text: (key, params) => createTranslator(settings.get().locale ?? 'en').t(key, params),
    clusterName: (id) => registry.get(id).name,
  });
  const applicationStore = new ApplicationStore(catalog, deployments, clock);
  restartPolicy = new RestartPolicyRunner({ apps: applicationStore, jobs, clients, deployments, savepoints, clock, log: options.log });
  const apps = new ApplicationService({
    apps: applicationStore,
    deployments,
    savepoints,
    deploy,
    jobs,
    clients,
    clusters: registry,
    files,
    log: options.log,
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
    preview: new PreviewService({ clients, emit: events.emit, log: options.log }),
    autostartLocalStack: () => {
      if (env.WEIR_LOCAL_STACK === 'off') return;
      const clusters = (catalog.db.prepare('SELECT count(*) AS n FROM clusters').get() as { n: number }).n;
      if (clusters === 0) void stack.up();
    },
    catalog,
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
