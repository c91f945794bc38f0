import { FORM_STATUS_LABELS, type GoalForm } from '@jxt/contracts';
import { Select, Space, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';

/** 修订版本: when 调整 made more than one, pick one to open, or compare this one with another. */
export function RevisionBar({ form }: { form: GoalForm }) {
  const navigate = useNavigate();
  if (form.revisions.length < 2) return null;
  const options = form.revisions.map((r) => ({
    value: r.id,
    label: `修订 ${r.revision}（${FORM_STATUS_LABELS[r.status]}）`,
  }));
  const others = form.revisions.filter((r) => r.id !== form.id);
  return (
    <Space wrap className="revision-bar no-print">
      <Typography.Text>修订版本：</Typography.Text>
      <Select
        aria-label="修订版本"
        value={form.id}
        options={options}
        // navigate() resolves once the route has changed; nothing waits for it.
        onChange={(id: string) => void navigate(`/forms/${id}`)}
        style={{ minWidth: 220 }}
      />
      {others.map((other) => (
        <Link key={other.id} to={`/forms/${form.id}/compare/${other.id}`}>
          与修订 {other.revision} 对比
        </Link>
      ))}
    </Space>
  );
}
