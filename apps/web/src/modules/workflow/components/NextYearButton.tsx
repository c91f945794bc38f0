import type { CurrentUser, GoalForm } from '@jxt/contracts';
import { App, Button } from 'antd';
import { useNavigate } from 'react-router';
import { useNextYearForm } from '../hooks';

export interface NextYearButtonProps {
  form: Pick<GoalForm, 'id' | 'status' | 'year' | 'project'>;
  me: Pick<CurrentUser, 'roles'>;
}

/**
 * 生成下一年度填报表 (延续) on a finance-approved form, for the filer: the next year's draft carried from this approved
 * revision, opened in edit mode. The API refuses when that year's form exists; the message says so.
 */
export function NextYearButton({ form, me }: NextYearButtonProps) {
  const navigate = useNavigate();
  const create = useNextYearForm(form);
  const { message } = App.useApp();
  if (form.status !== 'finance_approved' || !me.roles.includes('filer')) return null;
  return (
    <Button
      loading={create.isPending}
      onClick={() =>
        create.mutate(undefined, {
          // navigate() resolves once the route has changed; the click does not wait for it.
          onSuccess: (created) => void navigate(`/forms/${created.id}`, { state: { edit: true } }),
          onError: (error) => void message.error(error.message || '无法生成下一年度填报表'),
        })
      }
    >
      生成下一年度填报表
    </Button>
  );
}
