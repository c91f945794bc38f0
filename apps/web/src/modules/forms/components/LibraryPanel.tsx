import { SUGGESTION_REASON_LABELS, type FormSuggestion, type LibraryEntry } from '@jxt/contracts';
import { Button, Drawer, Empty, Input, List, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useDebouncedCallback } from '../../../ui/use-debounced-callback';
import { useLibrarySearch, useSuggestions } from '../library-queries';
import type { SuggestedIndicator } from '../form-draft';
import type { TaxonomyIndex } from './IndicatorEditor';
import './library-panel.css';

export interface LibraryPanelProps {
  formId: string;
  year: number;
  open: boolean;
  onClose: () => void;
  taxonomy: TaxonomyIndex;
  /** The names of the draft's 三级指标: those are marked 已添加. */
  present: ReadonlySet<string>;
  /** 添加: one indicator into the draft under its 一级/二级, its typical value prefilled. */
  onAdd: (row: SuggestedIndicator) => void;
}

/** What one line of the panel shows and adds: a library entry or a suggestion. */
interface Offer {
  key: string;
  name: string;
  level1Code: string;
  level2Code: string;
  valueForm: string | null;
  unit: string | null;
  definition: string | null;
  /** A word on why or how much it is used. */
  note: string | null;
  examples: FormSuggestion['examples'];
}

const fromSuggestion = (s: FormSuggestion, taxonomy: TaxonomyIndex): Offer => {
  const reasons = s.reasons.map((r) =>
    r === 'missingSlot'
      ? `${SUGGESTION_REASON_LABELS[r]}“${taxonomy.label(s.level2Code)}”`
      : r === 'similarProjects'
        ? `相似项目 ${s.usedBy} 个在用`
        : SUGGESTION_REASON_LABELS[r],
  );
  return {
    key: `${s.source}:${s.id ?? s.name}`,
    name: s.name,
    level1Code: s.level1Code,
    level2Code: s.level2Code,
    valueForm: s.valueForm,
    unit: s.unit,
    definition: s.definition,
    note: reasons.join('，') || null,
    examples: s.examples,
  };
};

const fromEntry = (e: LibraryEntry): Offer => ({
  key: e.id,
  name: e.name,
  level1Code: e.level1Code,
  level2Code: e.level2Code,
  valueForm: e.valueForm,
  unit: e.unit,
  definition: e.definition,
  note: e.usageCount ? `本年度 ${e.usageCount} 个项目在用` : null,
  examples: [],
});

/**
 * Where the element matching `selector` ends on screen (0 when it is scrolled away or absent), followed while `active`
 * through scrolling and resizing: the drawer starts there, so the sticky edit bar's 保存 stays in reach.
 */
function useBottomOf(selector: string, active: boolean): number {
  const [bottom, setBottom] = useState(0);
  useEffect(() => {
    if (!active) return;
    let frame = 0;
    const measure = () => {
      frame = 0;
      const element = document.querySelector(selector);
      setBottom(element ? Math.max(0, Math.round(element.getBoundingClientRect().bottom)) : 0);
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(measure);
    };
    measure();
    window.addEventListener('scroll', schedule, { passive: true, capture: true });
    window.addEventListener('resize', schedule);
    return () => {
      window.removeEventListener('scroll', schedule, { capture: true });
      window.removeEventListener('resize', schedule);
      cancelAnimationFrame(frame);
    };
  }, [selector, active]);
  return bottom;
}

/**
 * The 指标库 beside the editor (issue 14 point 2): with no words, the form's 推荐指标 (library entries for its missing
 * 二级指标, its 功能分类科目 and goal words, and similar projects: those in the filer's scope with their targets, others
 * only counted); with words (Chinese or pinyin initials, gzmyd → 公众满意度) a search of the library. 添加 puts the
 * indicator in its place in the tree with its typical value, in one click. Non-modal, under the edit bar: the sheet
 * stays editable and 保存 in reach.
 */
export function LibraryPanel({ formId, year, open, onClose, taxonomy, present, onAdd }: LibraryPanelProps) {
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const applyQ = useDebouncedCallback((text: string) => setQ(text.trim()), 250);
  const suggestions = useSuggestions(formId, open);
  const search = useLibrarySearch(q, year, open);
  const searching = q !== '';
  const offers = searching
    ? (search.data?.items ?? []).map(fromEntry)
    : (suggestions.data?.items ?? []).map((s) => fromSuggestion(s, taxonomy));
  const loading = searching ? search.isFetching && !search.data : suggestions.isLoading;
  const top = useBottomOf('.form-toolbar-sticky', open);

  return (
    <Drawer
      title="指标库"
      placement="right"
      size={440}
      open={open}
      onClose={onClose}
      mask={false}
      focusable={{ trap: false }}
      className="library-panel no-print"
      rootStyle={{ top }}
    >
      <Input.Search
        allowClear
        value={typed}
        placeholder="检索：中文或拼音首字母，如 gzmyd"
        aria-label="检索指标库"
        onChange={(e) => {
          setTyped(e.target.value);
          applyQ(e.target.value);
        }}
        onSearch={(value) => setQ(value.trim())}
      />
      <Typography.Text type="secondary" className="library-panel-heading">
        {searching ? `检索结果（${search.data?.total ?? 0}）` : '为本表推荐'}
      </Typography.Text>
      {loading ? (
        <Spin />
      ) : offers.length === 0 ? (
        <Empty description={searching ? '指标库中没有符合的指标' : '暂无推荐'} />
      ) : (
        <section aria-label={searching ? '检索结果' : '推荐指标'}>
          <List
            size="small"
            dataSource={offers}
            rowKey="key"
            renderItem={(offer) => {
              const added = present.has(offer.name);
              return (
                <List.Item
                  actions={[
                    <Button
                      key="add"
                      size="small"
                      type={added ? 'text' : 'primary'}
                      ghost={!added}
                      disabled={added}
                      aria-label={`添加 ${offer.name}`}
                      onClick={() =>
                        onAdd({
                          level1Code: offer.level1Code,
                          level2Code: offer.level2Code,
                          name: offer.name,
                          rawValue: offer.valueForm ?? '',
                          measureUnit: offer.unit,
                          explanation: offer.definition,
                        })
                      }
                    >
                      {added ? '已添加' : '添加'}
                    </Button>,
                  ]}
                >
                  <List.Item.Meta
                    title={
                      <span className="library-offer-title">
                        {offer.name}
                        {offer.valueForm && <Tag className="library-offer-value">{offer.valueForm}</Tag>}
                      </span>
                    }
                    description={
                      <>
                        <div>
                          {taxonomy.label(offer.level1Code)} / {taxonomy.label(offer.level2Code)}
                          {offer.note && <> · {offer.note}</>}
                        </div>
                        {offer.examples.length > 0 && (
                          <div className="library-offer-examples">
                            {offer.examples.map((e) => `${e.projectName}：${e.value}`).join('；')}
                          </div>
                        )}
                      </>
                    }
                  />
                </List.Item>
              );
            }}
          />
        </section>
      )}
    </Drawer>
  );
}
