import type { ScoringPolicy } from '@jxt/contracts';
import { Alert, Button, Result, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ApiRequestError } from '../../api/http';
import { PageHeading } from '../../ui/PageHeading';
import { YearSelect } from '../years/YearSelect';
import { useCurrentUser } from '../auth/hooks';
import { useTaxonomy } from '../forms/hooks';
import { useDefaultYear } from '../years/hooks';
import { PolicyEditor } from './components/PolicyEditor';
import { PolicyVersions } from './components/PolicyVersions';
import { ScoringJobProgress } from './components/ScoringJobProgress';
import { useLatestScoringJob, useRestartScoring, useSaveScoringPolicy, useScoringPolicy } from './hooks';
import './evaluation.css';
import { ReadFailure } from '../../ui/ReadFailure';

/** /admin/scoring-policy — 评分规则 per year (admin only): edit, save a new version, watch the 重新评分 job. */
export function ScoringPolicyPage() {
  const me = useCurrentUser();
  if (me.data && !me.data.roles.includes('admin')) return <Result status="403" title="只有管理员可以修改评分规则" />;
  return <ScoringPolicyYears />;
}

/** Works out the year (the URL's, else the default) and shows its policy. */
function ScoringPolicyYears() {
  const [searchParams, setSearchParams] = useSearchParams();
  const urlYear = Number(searchParams.get('year')) || undefined;
  // Without a year in the URL: the newest year with a stored version or with forms (modules/years), put into the URL.
  const defaultYear = useDefaultYear('policy', urlYear === undefined);
  useEffect(() => {
    if (urlYear === undefined && defaultYear !== undefined)
      setSearchParams({ year: String(defaultYear) }, { replace: true });
  }, [urlYear, defaultYear, setSearchParams]);
  const year = urlYear ?? defaultYear;
  return year === undefined ? <WaitingForYear /> : <PolicyYear key={year} year={year} />;
}

/** The page head while the default year is worked out. */
function WaitingForYear() {
  return (
    <div className="policy-page">
      <PageHeading title="评分规则">
        <YearSelect value={undefined} onChange={() => undefined} />
      </PageHeading>
      <Spin className="form-loading" description="加载中…" />
    </div>
  );
}

/** One year's policy: the editor, its versions and the 重新评分 job. */
function PolicyYear({ year }: { year: number }) {
  const [, setSearchParams] = useSearchParams();
  const current = useScoringPolicy(year);
  const taxonomy = useTaxonomy(year);
  const level1 = (taxonomy.data ?? []).filter((node) => node.level === 1).map(({ code, label }) => ({ code, label }));
  const save = useSaveScoringPolicy(year);
  const [savedJobId, setJobId] = useState<string | null>(null);
  const latest = useLatestScoringJob(year);
  const restart = useRestartScoring(year);
  // The job this page started, or the latest one if it is still running or failed (another admin, a reload, a crash).
  const jobId =
    savedJobId ?? (latest.data && ['queued', 'running', 'failed'].includes(latest.data.status) ? latest.data.id : null);
  const [failure, setFailure] = useState<{ status: number; message: string } | null>(null);

  const onSave = (policy: ScoringPolicy) => {
    setFailure(null);
    const version = current.data!;
    save.mutate(
      { policy, baseVersion: version.version },
      {
        onSuccess: (response) => setJobId(response.job.id),
        onError: (error) =>
          setFailure({
            status: error instanceof ApiRequestError ? error.status : 0,
            message: error.message || '保存失败，请稍后再试',
          }),
      },
    );
  };

  return (
    <div className="policy-page">
      <PageHeading title="评分规则">
        <YearSelect
          value={year}
          onChange={(value) => {
            setJobId(null);
            setFailure(null);
            setSearchParams({ year: String(value) });
          }}
        />
        {current.data && (
          <Typography.Text type="secondary">
            {current.data.id === null
              ? '当前：内置默认规则（本年度尚未保存过版本）'
              : `当前：第 ${current.data.version} 版`}
          </Typography.Text>
        )}
      </PageHeading>
      {jobId && (
        <ScoringJobProgress
          jobId={jobId}
          restarting={restart.isPending}
          onRestart={() => restart.mutate(undefined, { onSuccess: (job) => setJobId(job.id) })}
        />
      )}
      {failure && (
        <Alert
          type="error"
          showIcon
          role="alert"
          className="form-alert"
          title={failure.status === 409 ? '评分规则已被他人修改' : '保存失败'}
          description={failure.message}
          action={
            failure.status === 409 ? (
              <Button size="small" onClick={() => (setFailure(null), void current.refetch())}>
                重新加载
              </Button>
            ) : undefined
          }
        />
      )}
      {current.isPending ? (
        <Spin className="form-loading" description="加载中…" />
      ) : current.isError ? (
        <ReadFailure what="评分规则" error={current.error} onRetry={() => void current.refetch()} />
      ) : (
        <>
          <PolicyEditor
            key={`${year}:${current.data.version}`}
            current={current.data}
            level1={level1}
            saving={save.isPending}
            onSave={onSave}
          />
          <PolicyVersions year={year} currentVersion={current.data.version} />
        </>
      )}
    </div>
  );
}
