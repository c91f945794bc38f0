import { FORM_STATUS_LABELS, type GoalForm } from '@jxt/contracts';
import { Typography } from 'antd';
import { Link } from 'react-router';

/** 延续: which earlier revision this year's form was carried forward from, with a link to it and to 修订对比 with it. */
export function CarriedFromNote({ form }: { form: GoalForm }) {
  const from = form.carriedFrom;
  if (!from) return null;
  return (
    <Typography.Paragraph className="carried-from no-print" type="secondary">
      延续自{' '}
      <Link to={`/forms/${from.formId}`}>
        {from.year} 年度第 {from.revision} 版（{FORM_STATUS_LABELS[from.status]}）
      </Link>
      ：项目表头、目标和指标由该版本带入，资金按本年度重新填写。
      <Link to={`/forms/${form.id}/compare/${from.formId}`}>与上年对比</Link>
    </Typography.Paragraph>
  );
}
