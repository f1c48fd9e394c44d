import { Button, Checkbox, Empty, Flex, Select } from 'antd';
import type { Rounding } from '../../../../contracts/cycle-domain';
import type { TEntryView, TUnitForm } from '../../../../contracts/cycles';
import type { FormAccess } from './access';
import { type EntryFilter, filterEntries, groupEntries } from './grouping';
import { IndicatorCard } from './IndicatorCard';
import { useFormText } from './text';

const STATUSES: TEntryView['status'][] = ['not_started', 'in_progress', 'needs_evidence', 'done'];

interface Props {
  form: TUnitForm;
  access: FormAccess;
  rounding: Rounding;
  filter: EntryFilter;
  onFilter: (f: EntryFilter) => void;
  userId: string;
  expanded: ReadonlySet<string>;
  onExpand: (codes: string[], open: boolean) => void;
  onHistory: (code: string) => void;
}

/** The indicators under their pillar and main-index headings, with status and "mine" filters. */
export function IndicatorList({
  form,
  access,
  rounding,
  filter,
  onFilter,
  userId,
  expanded,
  onExpand,
  onHistory,
}: Props) {
  const { ft } = useFormText();
  const shown = filterEntries(form.entries, filter, expanded);
  const pillars = groupEntries(shown, form.pillars);
  const codes = shown.map((e) => e.code);
  const toggle = (code: string) => onExpand([code], !expanded.has(code));

  return (
    <div>
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        <Select
          aria-label={ft('filterStatus')}
          value={filter.status ?? ''}
          onChange={(v) => onFilter({ ...filter, status: (v || null) as EntryFilter['status'] })}
          options={[
            { value: '', label: ft('allStatuses') },
            ...STATUSES.map((s) => ({ value: s, label: ft(`entryStatus_${s}`) })),
          ]}
          style={{ minWidth: 200 }}
        />
        {form.staff.some((s) => s.id === userId) && (
          <Checkbox
            checked={filter.assignee !== null}
            onChange={(e) => onFilter({ ...filter, assignee: e.target.checked ? userId : null })}
          >
            {ft('mineOnly')}
          </Checkbox>
        )}
        <Flex gap={4} style={{ marginInlineStart: 'auto' }}>
          <Button size="small" onClick={() => onExpand(codes, true)}>
            {ft('expandAll')}
          </Button>
          <Button size="small" onClick={() => onExpand(codes, false)}>
            {ft('collapseAll')}
          </Button>
        </Flex>
      </Flex>
      {form.entries.length === 0 && <Empty description={ft('noEntries')} />}
      {form.entries.length > 0 && shown.length === 0 && <Empty description={ft('noMatch')} />}
      {pillars.map((p) => (
        <section key={p.code} aria-labelledby={`pillar-${p.code}`} style={{ marginBottom: 8 }}>
          <h2 id={`pillar-${p.code}`} style={{ fontSize: 18, margin: '8px 0' }}>
            {p.code}. {p.name}
          </h2>
          {p.groups.map((g) => (
            <div key={g.key}>
              {g.heading.length > 0 && (
                <h3 style={{ fontSize: 15, margin: '12px 0 8px', color: 'rgba(0, 0, 0, 0.78)' }}>
                  {g.heading.map((h) => `${h.code} ${h.name}`).join(' › ')}
                </h3>
              )}
              {g.entries.map((e) => (
                <IndicatorCard
                  key={e.code}
                  form={form}
                  entry={e}
                  access={access}
                  rounding={rounding}
                  expanded={expanded.has(e.code)}
                  onToggle={toggle}
                  onHistory={onHistory}
                />
              ))}
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}
