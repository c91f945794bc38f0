import { REVERSE_FORMULA_LABELS, type GradeBand, type ScoringPolicy, type ScoringPolicyVersion } from '@jxt/contracts';
import { Alert, Button, Card, Form, Input, Radio, Select, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import {
  LEVEL1_CODES,
  LEVEL1_LABELS,
  MOVE_TO_LABELS,
  toFormState,
  toPolicy,
  weightsProblem,
  type PolicyFormState,
} from '../policy-form';

export interface PolicyEditorProps {
  current: ScoringPolicyVersion;
  /** The year's 一级指标 from the tenant taxonomy (e.g. 成本指标 where it is a level of its own). */
  level1?: readonly { code: string; label: string }[];
  saving: boolean;
  onSave: (policy: ScoringPolicy) => void;
}

const DECIMALS = [0, 1, 2].map((value) => ({ value, label: `${value} 位` }));

/** A number typed as text (never a float): weights, percents, grade floors. */
function NumberText({
  label,
  value,
  onChange,
  suffix,
  placeholder,
  invalid = false,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  suffix?: string;
  placeholder?: string;
  invalid?: boolean;
}) {
  return (
    <Input
      aria-label={label}
      aria-invalid={invalid}
      status={invalid ? 'error' : undefined}
      value={value}
      inputMode="decimal"
      suffix={suffix}
      placeholder={placeholder}
      onChange={(e) => onChange(e.target.value)}
      style={{ width: 140 }}
    />
  );
}

/** Every 一级指标 the policy weighs or the year's taxonomy has, labelled as the taxonomy names it. */
export function weightedLevels(
  weights: Record<string, string>,
  level1: readonly { code: string; label: string }[] = [],
): { code: string; label: string }[] {
  const labels = new Map<string, string>([
    ...Object.entries(LEVEL1_LABELS),
    ...level1.map((l): [string, string] => [l.code, l.label]),
  ]);
  const codes = [...new Set([...LEVEL1_CODES, ...level1.map((l) => l.code), ...Object.keys(weights)])];
  return codes.map((code) => ({ code, label: labels.get(code) ?? code }));
}

function WeightsSection({
  state,
  set,
  level1,
}: {
  state: PolicyFormState;
  set: (change: Partial<PolicyFormState>) => void;
  level1?: PolicyEditorProps['level1'];
}) {
  // The sum is checked where the weights are typed, not only beside the save button.
  const problem = weightsProblem(state);
  return (
    <Card size="small" title="权重（合计 100）" className="policy-section">
      <Space wrap size="large">
        <Form.Item label="预算执行率" colon={false}>
          <NumberText
            label="预算执行率权重"
            value={state.budgetExecutionWeight}
            invalid={problem !== null}
            onChange={(budgetExecutionWeight) => set({ budgetExecutionWeight })}
          />
        </Form.Item>
        {weightedLevels(state.level1Weights, level1).map(({ code, label }) => (
          <Form.Item key={code} label={label} colon={false}>
            <NumberText
              label={`${label}权重`}
              value={state.level1Weights[code] ?? '0'}
              invalid={problem !== null}
              onChange={(weight) => set({ level1Weights: { ...state.level1Weights, [code]: weight } })}
            />
          </Form.Item>
        ))}
      </Space>
      {problem && (
        <Typography.Paragraph type="danger" role="alert" className="policy-weights-problem">
          {problem}
        </Typography.Paragraph>
      )}
      <Form.Item label="缺少满意度指标时，其权重" colon={false}>
        <Select
          aria-label="缺少满意度指标时，其权重"
          style={{ width: 160 }}
          value={state.missingLevel1.moveTo}
          options={Object.entries(MOVE_TO_LABELS).map(([value, label]) => ({ value, label }))}
          onChange={(moveTo) => set({ missingLevel1: { ...state.missingLevel1, moveTo } })}
        />
      </Form.Item>
    </Card>
  );
}

function RulesSection({ state, set }: { state: PolicyFormState; set: (change: Partial<PolicyFormState>) => void }) {
  const setBand = (index: number, change: Partial<PolicyFormState['qualitativeBands'][number]>) =>
    set({ qualitativeBands: state.qualitativeBands.map((band, i) => (i === index ? { ...band, ...change } : band)) });
  return (
    <Card size="small" title="计分规则" className="policy-section">
      <Form.Item label="反向指标未达标" colon={false}>
        <Radio.Group
          aria-label="反向指标未达标"
          value={state.reverseFormula}
          onChange={(e) => set({ reverseFormula: e.target.value })}
          options={Object.entries(REVERSE_FORMULA_LABELS).map(([value, label]) => ({ value, label }))}
        />
      </Form.Item>
      <Form.Item label="定性指标档次（占分值的比例）" colon={false}>
        <table className="policy-bands">
          <tbody>
            {state.qualitativeBands.map((band, i) => (
              <tr key={band.code}>
                <th scope="row">{band.label}</th>
                <td>
                  <NumberText
                    label={`${band.label}下限（%）`}
                    value={band.min}
                    suffix="%"
                    onChange={(min) => setBand(i, { min })}
                  />
                </td>
                <td>–</td>
                <td>
                  <NumberText
                    label={`${band.label}上限（%）`}
                    value={band.max}
                    suffix="%"
                    onChange={(max) => setBand(i, { max })}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Form.Item>
      <Form.Item
        label="超出目标多少时须填写偏差原因"
        colon={false}
        extra="如 130 表示实际值超过目标值的 130%；留空表示超出不要求说明"
      >
        <NumberText
          label="超出目标比例（%）"
          value={state.overshootPercent}
          suffix="%"
          placeholder="不要求"
          onChange={(overshootPercent) => set({ overshootPercent })}
        />
      </Form.Item>
      <Form.Item
        label="未达标时，得分低于分值的多少须填写偏差原因"
        colon={false}
        extra="100 表示任何未达标都须说明；90 表示得分不低于分值 90% 的未达标不要求说明"
      >
        <NumberText
          label="未达标比例（%）"
          value={state.missPercent}
          suffix="%"
          onChange={(missPercent) => set({ missPercent })}
        />
      </Form.Item>
      <Space size="large">
        <Form.Item label="指标得分小数位" colon={false}>
          <Select
            aria-label="指标得分小数位"
            style={{ width: 100 }}
            value={state.indicatorDecimals}
            options={DECIMALS}
            onChange={(indicatorDecimals) => set({ indicatorDecimals })}
          />
        </Form.Item>
        <Form.Item label="总分小数位" colon={false}>
          <Select
            aria-label="总分小数位"
            style={{ width: 100 }}
            value={state.totalDecimals}
            options={DECIMALS}
            onChange={(totalDecimals) => set({ totalDecimals })}
          />
        </Form.Item>
      </Space>
    </Card>
  );
}

function GradesSection({ grades, onChange }: { grades: GradeBand[]; onChange: (grades: GradeBand[]) => void }) {
  const setGrade = (index: number, change: Partial<GradeBand>) =>
    onChange(grades.map((g, i) => (i === index ? { ...g, ...change } : g)));
  return (
    <Card size="small" title="自评等级（总分不低于最低分）" className="policy-section">
      <table className="policy-bands">
        <tbody>
          {grades.map((grade, i) => (
            <tr key={i}>
              <td>
                <Input
                  aria-label={`等级名称 ${i + 1}`}
                  value={grade.grade}
                  onChange={(e) => setGrade(i, { grade: e.target.value })}
                  style={{ width: 100 }}
                />
              </td>
              <td>≥</td>
              <td>
                <NumberText
                  label={`等级“${grade.grade}”最低分`}
                  value={grade.min}
                  onChange={(min) => setGrade(i, { min })}
                />
              </td>
              <td>
                <Button
                  type="link"
                  danger
                  disabled={grades.length <= 1}
                  onClick={() => onChange(grades.filter((_, j) => j !== i))}
                >
                  删除
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Button onClick={() => onChange([...grades, { grade: '', min: '0' }])}>添加等级</Button>
    </Card>
  );
}

/** 评分规则 of one year: every number of the scoring, checked live by validatePolicy; saving adds a version. */
export function PolicyEditor({ current, level1, saving, onSave }: PolicyEditorProps) {
  const [state, setState] = useState(() => toFormState(current.policy));
  const set = (change: Partial<PolicyFormState>) => setState((previous) => ({ ...previous, ...change }));
  const result = useMemo(() => toPolicy(state), [state]);
  return (
    <Form layout="vertical" className="policy-editor" onFinish={() => result.ok && onSave(result.policy)}>
      <WeightsSection state={state} set={set} level1={level1} />
      <RulesSection state={state} set={set} />
      <GradesSection grades={state.grades} onChange={(grades) => set({ grades })} />
      {!result.ok && (
        <Alert
          type="error"
          showIcon
          role="alert"
          className="form-alert"
          title={weightsProblem(state) === result.message ? '权重合计不为 100，请先修改上方的权重' : result.message}
        />
      )}
      <Space>
        <Button type="primary" htmlType="submit" disabled={!result.ok} loading={saving}>
          保存为新版本
        </Button>
        <Typography.Text type="secondary">
          保存后，本年度未定稿的自评表将按新规则重新评分；已定稿的保持原版本。
        </Typography.Text>
      </Space>
    </Form>
  );
}
