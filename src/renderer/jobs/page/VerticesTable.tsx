import { useTranslation } from 'react-i18next';
import type { JobDetail } from '../../../shared/contract/jobs-schema.js';
import { formatCount } from '../format.js';
import { StateBadge } from '../StateBadge.js';

/** The job graph's vertices: parallelism, status, backpressure, records in and out. */
export function VerticesTable({ vertices }: { vertices: JobDetail['vertices'] }) {
  const { t } = useTranslation();
  if (vertices.length === 0) return <p className="muted">{t('jobs.page.none')}</p>;
  return (
    <table className="grid" data-testid="vertices">
      <thead>
        <tr>
          <th scope="col">{t('jobs.page.vertices.name')}</th>
          <th scope="col">{t('jobs.page.vertices.parallelism')}</th>
          <th scope="col">{t('jobs.page.vertices.status')}</th>
          <th scope="col">{t('jobs.page.vertices.backpressure')}</th>
          <th scope="col">{t('jobs.page.vertices.recordsIn')}</th>
          <th scope="col">{t('jobs.page.vertices.recordsOut')}</th>
        </tr>
      </thead>
      <tbody>
        {vertices.map((v) => (
          <tr key={v.id}>
            <td className="vertex-name" title={v.name}>
              {v.name}
            </td>
            <td className="num">{v.parallelism}</td>
            <td>
              <StateBadge state={v.status} />
            </td>
            <td>
              <span className={`bp bp-${v.backpressure ?? 'na'}`}>{t(`jobs.page.backpressure.${v.backpressure ?? 'na'}`, { defaultValue: v.backpressure ?? '' })}</span>
            </td>
            <td className="num">{formatCount(v.recordsIn)}</td>
            <td className="num">{formatCount(v.recordsOut)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
