import type { CurrentUser, GoalForm } from '@jxt/contracts';
import { App, Button } from 'antd';
import { useNavigate } from 'react-router';
import { useCreateEvaluation } from '../hooks';

export interface EvaluationButtonProps {
  form: Pick<GoalForm, 'id' | 'status' | 'evaluationId'>;
  me: Pick<CurrentUser, 'roles'>;
}

/** 绩效自评 on a finance_approved form: opens its 自评表, or (the filer) creates it first. */
export function EvaluationButton({ form, me }: EvaluationButtonProps) {
  const navigate = useNavigate();
  const create = useCreateEvaluation(form.id);
  const { message } = App.useApp();
  if (form.status !== 'finance_approved') return null;
  // navigate() resolves once the route has changed; the click does not wait for it.
  if (form.evaluationId)
    return <Button onClick={() => void navigate(`/evaluations/${form.evaluationId}`)}>绩效自评</Button>;
  if (!me.roles.includes('filer')) return null;
  return (
    <Button
      loading={create.isPending}
      onClick={() =>
        create.mutate(undefined, {
          onSuccess: (evaluation) => void navigate(`/evaluations/${evaluation.id}`),
          onError: (error) => void message.error(error.message || '无法创建自评表'),
        })
      }
    >
      绩效自评
    </Button>
  );
}
