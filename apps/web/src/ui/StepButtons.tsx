import { Button, Space } from 'antd';
import { useState, type ReactNode } from 'react';
import './step-buttons.css';

export interface StepButtonsProps<A extends string> {
  /** The steps the rules allow this user now; none: nothing is shown. */
  actions: readonly A[];
  labels: Record<A, string>;
  /** `workflow-actions`, `workflow-actions evaluation-actions`. */
  className: string;
  /** Steps drawn as primary (the way forward) and as danger (a refusal). */
  primary: readonly A[];
  danger: readonly A[];
  /** The dialog of the chosen step; `close` ends it. */
  dialog: (action: A, close: () => void) => ReactNode;
}

/** A record's workflow bar: exactly the allowed steps as buttons, the chosen step's dialog. */
export function StepButtons<A extends string>({
  actions,
  labels,
  className,
  primary,
  danger,
  dialog,
}: StepButtonsProps<A>) {
  const [action, setAction] = useState<A | null>(null);
  if (actions.length === 0) return null;
  return (
    <>
      <Space wrap className={className}>
        {actions.map((a) => (
          <Button
            key={a}
            type={primary.includes(a) ? 'primary' : 'default'}
            danger={danger.includes(a)}
            onClick={() => setAction(a)}
          >
            {labels[a]}
          </Button>
        ))}
      </Space>
      {action && dialog(action, () => setAction(null))}
    </>
  );
}
