import type { ViewId } from '../state/workbench-store.js';

/** Activity bar icons as inline SVG paths (24x24 grid): no icon font, nothing fetched. */
const PATHS: Record<ViewId | 'settings', string> = {
  explorer: 'M4 3h9l5 5v13H4zM13 3v5h5M7 12h8M7 16h8',
  datasources: 'M4 6c0-1.7 3.6-3 8-3s8 1.3 8 3-3.6 3-8 3-8-1.3-8-3zm0 0v12c0 1.7 3.6 3 8 3s8-1.3 8-3V6M4 12c0 1.7 3.6 3 8 3s8-1.3 8-3',
  resources: 'M3 7l9-4 9 4-9 4zM3 12l9 4 9-4M3 17l9 4 9-4',
  clusters: 'M4 4h6v6H4zM14 4h6v6h-6zM4 14h6v6H4zM14 14h6v6h-6z',
  jobs: 'M5 4l14 8-14 8z',
  schedules: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM12 7v5l3 3',
  lineage: 'M5 5h4v4H5zM15 3h4v4h-4zM15 17h4v4h-4zM9 7h3v12h3M12 5h3',
  settings: 'M12 8a4 4 0 1 0 0 8 4 4 0 0 0 0-8zM12 2v3M12 19v3M2 12h3M19 12h3M4.9 4.9l2.1 2.1M17 17l2.1 2.1M4.9 19.1L7 17M17 7l2.1-2.1',
};

export function Icon({ name }: { name: ViewId | 'settings' }) {
  return (
    <svg width="24" height="24" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinejoin="round" aria-hidden="true">
      <path d={PATHS[name]} />
    </svg>
  );
}
