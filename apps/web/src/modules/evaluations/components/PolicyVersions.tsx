import type { ScoringPolicyVersion } from '@jxt/contracts';
import { Card, Empty, Spin, Tag, Typography } from 'antd';
import { formatTime } from '../../../ui/format';
import { useScoringPolicyVersions } from '../hooks';
import { ReadFailure } from '../../../ui/ReadFailure';

function VersionItem({ version, current }: { version: ScoringPolicyVersion; current: boolean }) {
  return (
    <li className="policy-version">
      <div>
        {/* The built-in default before any save is "version 0" only to the optimistic lock: it is named, not numbered. */}
        <strong>{version.id === null ? '内置默认规则' : `第 ${version.version} 版`}</strong>{' '}
        {current && <Tag color="blue">当前</Tag>}
        {version.id !== null && (
          <Typography.Text type="secondary">
            {' '}
            {`${version.createdByName ?? '内置默认规则（首张自评表生成时保存）'} ${version.createdAt ? formatTime(version.createdAt) : ''}`}
          </Typography.Text>
        )}
        <div>已定稿自评表 {version.finalEvaluations.toLocaleString('zh-CN')} 份，不受修改影响</div>
      </div>
    </li>
  );
}

/** 版本记录 of a year's 评分规则: who saved each version, when, and how many final 自评表 keep it. */
export function PolicyVersions({ year, currentVersion }: { year: number; currentVersion: number }) {
  const versions = useScoringPolicyVersions(year);
  return (
    <Card size="small" title="版本记录" className="policy-section">
      {versions.isPending ? (
        <Spin description="加载中…" />
      ) : versions.isError ? (
        <ReadFailure what="版本记录" error={versions.error} onRetry={() => void versions.refetch()} />
      ) : versions.data.length === 0 ? (
        <Empty description="尚未保存过，使用内置默认规则" />
      ) : (
        <ul className="policy-versions">
          {[...versions.data]
            .sort((a, b) => b.version - a.version)
            .map((version) => (
              <VersionItem key={version.version} version={version} current={version.version === currentVersion} />
            ))}
        </ul>
      )}
    </Card>
  );
}
