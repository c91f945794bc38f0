import { FORM_FIELD_LABELS as L, type TaxonomyNode } from '@jxt/contracts';
import { formatTarget, looksLikeIndicatorTable, parseIndicatorTable, readTarget } from '@jxt/domain';
import { App, Button, Input, Modal, Select, Tooltip } from 'antd';
import { memo, useEffect, useMemo, useState, type ClipboardEvent, type Dispatch, type KeyboardEvent } from 'react';
import {
  fieldIdIndicator,
  fieldIdLevel1,
  fieldIdLevel2,
  type DraftAction,
  type DraftIndicator,
  type DraftLevel1,
  type IndicatorField,
} from '../form-draft';
import { layoutIndicatorRows } from '@jxt/domain';
import { IndicatorTableHead } from './FormSheet';
import { SheetColumns } from './SheetColumns';

type Errors = Record<string, string>;

export interface TaxonomyIndex {
  nodes: readonly TaxonomyNode[];
  label: (code: string) => string;
  /** The 一级 that may be added (not retired). */
  level1: readonly TaxonomyNode[];
  /** The 二级 under a 一级 that may be added (not retired). */
  level2Of: (level1Code: string) => readonly TaxonomyNode[];
}

export function indexTaxonomy(
  nodes: readonly TaxonomyNode[],
  fallbackLabels: ReadonlyMap<string, string>,
): TaxonomyIndex {
  const byCode = new Map(nodes.map((node) => [node.code, node]));
  const sorted = [...nodes].sort((a, b) => a.sortOrder - b.sortOrder);
  return {
    nodes,
    label: (code) => byCode.get(code)?.label ?? fallbackLabels.get(code) ?? code,
    // What may be added: a retired node (停用) is offered for no new group; groups that use it keep its label.
    level1: sorted.filter((node) => node.level === 1 && !node.retired),
    level2Of: (code) => sorted.filter((node) => node.level === 2 && node.parentCode === code && !node.retired),
  };
}

/** Focuses the input with this `data-field-id` (and brings it into view). */
export function focusField(fieldId: string): void {
  const element = document.querySelector<HTMLElement>(`[data-field-id="${CSS.escape(fieldId)}"]`);
  if (!element) return;
  element.focus();
  element.scrollIntoView?.({ block: 'nearest' });
}

// ---------------------------------------------------------------- one 三级指标 (memoised: typing re-renders only its row)

interface IndicatorCellsProps {
  indicator: DraftIndicator;
  l1: number;
  l2: number;
  index: number;
  rowNumber: number;
  first: boolean;
  last: boolean;
  /** Key of the next row's indicator, for Enter in a value. */
  nextKey: string | null;
  nameError: string | undefined;
  valueError: string | undefined;
  /** Last year's 年度指标值 of the same indicator and, if its 自评表 has one, the actual value (延续). */
  previous?: PreviousValues;
  dispatch: Dispatch<DraftAction>;
  /** 加入指标库 of a saved indicator (by its id); none for a row not yet saved. */
  onAddToLibrary?: (indicatorId: string, name: string) => void;
}

/** Last year's target and actual value of one indicator. */
export interface PreviousValues {
  target: string;
  actual: string | null;
}

/** How last year's indicators are looked up: one 三级指标 by its groups and name. */
export const previousKey = (level1Code: string, level2Code: string, name: string) =>
  `${level1Code}/${level2Code}/${name.trim()}`;

const IndicatorCells = memo(function IndicatorCells(props: IndicatorCellsProps) {
  const {
    indicator,
    l1,
    l2,
    index,
    rowNumber,
    first,
    last,
    nextKey,
    nameError,
    valueError,
    previous,
    dispatch,
    onAddToLibrary,
  } = props;
  const reading = useMemo(() => readTarget(indicator.rawValue), [indicator.rawValue]);
  const at = { l1, l2, index };
  // One line of text, as the single-line inputs these areas replace kept it: a pasted line break is dropped.
  const set = (field: IndicatorField) => (e: { target: { value: string } }) =>
    dispatch({ type: 'indicator', at, field, value: e.target.value.replace(/[\r\n]+/g, '') });
  const onKeyDown = (field: IndicatorField) => (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
      e.preventDefault();
      const by = e.key === 'ArrowUp' ? -1 : 1;
      if ((by < 0 && !first) || (by > 0 && !last)) dispatch({ type: 'moveIndicator', at, by, focusField: field });
      return;
    }
    // Enter moves on (names and values are one line of text; the area only wraps what is long).
    if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
      e.preventDefault();
      if (field === 'name') focusField(fieldIdIndicator(indicator.key, 'rawValue'));
      else if (nextKey) focusField(fieldIdIndicator(nextKey, 'name'));
      // The last value of the table: Enter starts the next row, as in a spreadsheet.
      else dispatch({ type: 'addIndicator', l1, l2, after: index });
    }
  };
  const readingId = `reading-${indicator.key}`;
  const readingText = reading.warning ?? formatTarget(reading.target);
  // Starts like a quantity but is none (≥abc%): kept in the draft, refused at 提交.
  const invalid = reading.target.kind === 'invalid';
  const readingClass = invalid
    ? 'ind-reading ind-reading-error'
    : reading.warning
      ? 'ind-reading ind-reading-warning'
      : 'ind-reading';
  return (
    <>
      <td className="ind-name-cell" colSpan={2}>
        <Input.TextArea
          value={indicator.name}
          onChange={set('name')}
          autoSize={{ minRows: 1 }}
          onKeyDown={onKeyDown('name')}
          aria-label={`${L.level3} 第${rowNumber}行`}
          data-field-id={fieldIdIndicator(indicator.key, 'name')}
          status={nameError ? 'error' : undefined}
          placeholder={L.level3}
        />
        {nameError && (
          <div className="field-note field-note-error" role="alert">
            {nameError}
          </div>
        )}
      </td>
      <td className="ind-value-cell">
        <Input.TextArea
          value={indicator.rawValue}
          onChange={set('rawValue')}
          autoSize={{ minRows: 1 }}
          onKeyDown={onKeyDown('rawValue')}
          aria-label={`${L.targetValue} 第${rowNumber}行`}
          aria-describedby={readingId}
          data-field-id={fieldIdIndicator(indicator.key, 'rawValue')}
          status={valueError || invalid ? 'error' : reading.warning ? 'warning' : undefined}
          placeholder="如 ≥90%、是、提升"
        />
        <div id={readingId} className={readingClass} aria-live="polite">
          {readingText}
        </div>
        {previous && (
          <div className="ind-previous">
            上年：{previous.target}
            {previous.actual !== null && <>；实际：{previous.actual}</>}
          </div>
        )}
        {valueError && (
          <div className="field-note field-note-error" role="alert">
            {valueError}
          </div>
        )}
      </td>
      <td className="ind-actions">
        <Tooltip title="上移（Alt+↑）">
          <Button
            size="small"
            type="text"
            disabled={first}
            tabIndex={-1}
            aria-label={`上移 第${rowNumber}行`}
            onClick={() => dispatch({ type: 'moveIndicator', at, by: -1 })}
          >
            ↑
          </Button>
        </Tooltip>
        <Tooltip title="下移（Alt+↓）">
          <Button
            size="small"
            type="text"
            disabled={last}
            tabIndex={-1}
            aria-label={`下移 第${rowNumber}行`}
            onClick={() => dispatch({ type: 'moveIndicator', at, by: 1 })}
          >
            ↓
          </Button>
        </Tooltip>
        <Button
          size="small"
          type="text"
          danger
          aria-label={`删除 第${rowNumber}行`}
          onClick={() => dispatch({ type: 'removeIndicator', at })}
        >
          删除
        </Button>
        {onAddToLibrary && indicator.id && (
          <Tooltip title="加入指标库：作为本单位的个性指标（按已保存的内容）">
            <Button
              size="small"
              type="text"
              tabIndex={-1}
              aria-label={`加入指标库 第${rowNumber}行`}
              onClick={() => onAddToLibrary(indicator.id!, indicator.name)}
            >
              入库
            </Button>
          </Tooltip>
        )}
      </td>
    </>
  );
});

// ---------------------------------------------------------------- merged group cells

interface Level1CellProps {
  l1: number;
  groupKey: string;
  code: string;
  rowSpan: number;
  /** Codes of the level-2 groups the form has under it, joined (a string keeps memo cheap). */
  presentCodes: string;
  empty: boolean;
  error: string | undefined;
  taxonomy: TaxonomyIndex;
  dispatch: Dispatch<DraftAction>;
}

const Level1Cell = memo(function Level1Cell({
  l1,
  groupKey,
  code,
  rowSpan,
  presentCodes,
  empty,
  error,
  taxonomy,
  dispatch,
}: Level1CellProps) {
  const present = new Set(presentCodes.split(','));
  const missing = taxonomy.level2Of(code).filter((node) => !present.has(node.code));
  const label = taxonomy.label(code);
  return (
    <td rowSpan={rowSpan} className="sheet-group ind-group-cell">
      <div className="ind-group-label" tabIndex={-1} data-field-id={fieldIdLevel1(groupKey)}>
        {label}
      </div>
      {error && <div className="field-note field-note-error">{error}</div>}
      {missing.length > 0 && (
        <Select
          size="small"
          className="ind-add-select"
          placeholder="+ 二级指标"
          aria-label={`在“${label}”下添加二级指标`}
          value={null}
          options={missing.map((node) => ({ value: node.code, label: node.label }))}
          onChange={(value: string) => dispatch({ type: 'addLevel2', l1, code: value, taxonomy: taxonomy.nodes })}
          popupMatchSelectWidth={false}
        />
      )}
      {empty && (
        <Button size="small" type="link" danger onClick={() => dispatch({ type: 'removeLevel1', l1 })}>
          删除该组
        </Button>
      )}
    </td>
  );
});

interface Level2CellProps {
  l1: number;
  l2: number;
  groupKey: string;
  label: string;
  rowSpan: number;
  count: number;
  error: string | undefined;
  dispatch: Dispatch<DraftAction>;
}

const Level2Cell = memo(function Level2Cell({
  l1,
  l2,
  groupKey,
  label,
  rowSpan,
  count,
  error,
  dispatch,
}: Level2CellProps) {
  return (
    <td rowSpan={rowSpan} className="sheet-group ind-group-cell">
      <div className="ind-group-label" tabIndex={-1} data-field-id={fieldIdLevel2(groupKey)}>
        {label}
      </div>
      {error && <div className="field-note field-note-error">{error}</div>}
      <Button
        size="small"
        type="link"
        aria-label={`在“${label}”下添加三级指标`}
        onClick={() => dispatch({ type: 'addIndicator', l1, l2 })}
      >
        + 三级指标
      </Button>
      {count === 0 && (
        <Button size="small" type="link" danger onClick={() => dispatch({ type: 'removeLevel2', l1, l2 })}>
          删除该组
        </Button>
      )}
    </td>
  );
});

// ---------------------------------------------------------------- the table

export interface IndicatorEditorProps {
  year: DraftLevel1[];
  errors: Errors;
  taxonomy: TaxonomyIndex;
  /** The input the reducer wants focused after an add or a move. */
  focus: string | null;
  /** Last year's values by `previousKey` (a 延续 form), shown beneath each 年度指标值. */
  previous?: ReadonlyMap<string, PreviousValues>;
  dispatch: Dispatch<DraftAction>;
  /** 加入指标库 of a saved row (one action); absent where the caller may not add to the library. */
  onAddToLibrary?: (indicatorId: string, name: string) => void;
}

/**
 * The 绩效指标 table in edit mode: the paper layout (一级/二级 merged), an input per 三级指标 and
 * 年度指标值, the reading of each value live beneath it. Tab goes through the rows in order.
 */
export function IndicatorEditor({
  year,
  errors,
  taxonomy,
  focus,
  previous,
  dispatch,
  onAddToLibrary,
}: IndicatorEditorProps) {
  useEffect(() => {
    if (!focus) return;
    focusField(focus);
    dispatch({ type: 'focused' });
  }, [focus, dispatch]);
  const rows = layoutIndicatorRows(year);
  const presentLevel1 = new Set(year.map((group) => group.code));
  const missingLevel1 = taxonomy.level1.filter((node) => !presentLevel1.has(node.code));
  const indicatorKeys = rows.filter((row) => row.indicator).map((row) => row.indicator!.key);
  const positions = new Map(indicatorKeys.map((key, i) => [key, i]));
  const { message } = App.useApp();
  const [pasting, setPasting] = useState(false);
  const [pastedText, setPastedText] = useState('');

  /** An indicator table from Excel/WPS (一级, 二级, 三级, 指标值): its rows join the tree; what cannot be placed is said. */
  const pasteTable = (text: string) => {
    const table = parseIndicatorTable(text, taxonomy.nodes);
    dispatch({ type: 'pasteIndicators', rows: table.indicators, taxonomy: taxonomy.nodes });
    const added = `已粘贴 ${table.indicators.length} 个三级指标`;
    if (table.problems.length === 0) void message.success(added);
    else
      void message.warning(
        `${added}；${table.problems.length} 行未能放入：${table.problems
          .slice(0, 3)
          .map((p) => p.message)
          .join('；')}${table.problems.length > 3 ? '……' : ''}`,
        8,
      );
  };
  // Pasting cells (text with tabs) into any 三级指标 or 指标值 fills the tree instead of one field.
  const onPasteCapture = (e: ClipboardEvent<HTMLElement>) => {
    const text = e.clipboardData.getData('text/plain');
    if (pasting || !(e.target instanceof HTMLTextAreaElement) || !looksLikeIndicatorTable(text)) return;
    e.preventDefault();
    pasteTable(text);
  };
  return (
    <div onPasteCapture={onPasteCapture}>
      <table className="sheet-table sheet-indicators sheet-indicators-edit">
        <SheetColumns actions />
        <IndicatorTableHead actions />
        <tbody>
          {rows.map((row, i) => {
            const level1 = year[row.l1];
            const level2 = row.l2 >= 0 ? level1.children[row.l2] : null;
            const indicator = row.indicator;
            const position = indicator ? (positions.get(indicator.key) ?? -1) : -1;
            return (
              <tr key={indicator?.key ?? level2?.key ?? level1.key}>
                <td
                  className={i === rows.length - 1 ? 'sheet-side sheet-side-last' : 'sheet-side'}
                  aria-hidden="true"
                />
                {row.level1Span > 0 && (
                  <Level1Cell
                    l1={row.l1}
                    groupKey={level1.key}
                    code={level1.code}
                    rowSpan={row.level1Span}
                    presentCodes={level1.children.map((c) => c.code).join(',')}
                    empty={level1.children.length === 0}
                    error={errors[fieldIdLevel1(level1.key)]}
                    taxonomy={taxonomy}
                    dispatch={dispatch}
                  />
                )}
                {row.level2Span > 0 &&
                  (level2 ? (
                    <Level2Cell
                      l1={row.l1}
                      l2={row.l2}
                      groupKey={level2.key}
                      label={taxonomy.label(level2.code)}
                      rowSpan={row.level2Span}
                      count={level2.indicators.length}
                      error={errors[fieldIdLevel2(level2.key)]}
                      dispatch={dispatch}
                    />
                  ) : (
                    <td />
                  ))}
                {indicator ? (
                  <IndicatorCells
                    indicator={indicator}
                    l1={row.l1}
                    l2={row.l2}
                    index={row.index}
                    rowNumber={row.rowNumber}
                    first={row.first}
                    last={row.last}
                    nextKey={indicatorKeys[position + 1] ?? null}
                    nameError={errors[fieldIdIndicator(indicator.key, 'name')]}
                    valueError={errors[fieldIdIndicator(indicator.key, 'rawValue')]}
                    previous={level2 ? previous?.get(previousKey(level1.code, level2.code, indicator.name)) : undefined}
                    dispatch={dispatch}
                    onAddToLibrary={onAddToLibrary}
                  />
                ) : (
                  <>
                    <td className="ind-empty" colSpan={2} />
                    <td />
                    <td />
                  </>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="ind-add-level1 no-print">
        {missingLevel1.length > 0 && (
          <Select
            placeholder="+ 添加一级指标"
            aria-label="添加一级指标"
            value={null}
            style={{ minWidth: 200 }}
            options={missingLevel1.map((node) => ({ value: node.code, label: node.label }))}
            onChange={(value: string) => dispatch({ type: 'addLevel1', code: value, taxonomy: taxonomy.nodes })}
          />
        )}
        <Button type="link" onClick={() => setPasting(true)}>
          从 Excel/WPS 粘贴指标表
        </Button>
      </div>
      {pasting && (
        <Modal
          open
          title="粘贴指标表"
          okText="填入"
          cancelText="取消"
          onCancel={() => setPasting(false)}
          onOk={() => {
            pasteTable(pastedText);
            setPastedText('');
            setPasting(false);
          }}
          okButtonProps={{ disabled: pastedText.trim() === '' }}
        >
          <p>
            在 Excel 或 WPS
            中选中四列（一级指标、二级指标、三级指标、指标值）复制，粘贴到下面。合并单元格的空白沿用上一行。
          </p>
          <Input.TextArea
            aria-label="指标表"
            autoFocus
            rows={8}
            value={pastedText}
            onChange={(e) => setPastedText(e.target.value)}
          />
        </Modal>
      )}
    </div>
  );
}
