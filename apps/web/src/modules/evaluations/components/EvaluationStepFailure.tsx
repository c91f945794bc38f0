import { StepFailureAlert, type StepFailureAlertProps } from '../../../ui/StepFailureAlert';

/** A refused step of a 自评表 (提交, 退回, 复核 …), in the 自评表's words. */
export function EvaluationStepFailure(props: Omit<StepFailureAlertProps, 'conflictTitle' | 'className'>) {
  return <StepFailureAlert {...props} conflictTitle="这张自评表已被他人处理或修改" className="eval-step-failure" />;
}
