import { Alert, Col, Grid, Row } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { TUnitForm } from '../../../../contracts/cycles';
import { useCurrentUser } from '../../../backend/session';
import { formAccess } from './access';
import { FormHeader } from './FormHeader';
import type { EntryFilter } from './grouping';
import { HistoryDrawer } from './HistoryDrawer';
import { IndicatorList } from './IndicatorList';
import { PillarNav } from './PillarNav';
import { readRounding } from './score';
import { useFormText } from './text';

const NO_FILTER: EntryFilter = { pillar: null, status: null, assignee: null };

/** Indicators open at first: the unfinished ones while the unit fills its draft, else those sent back. */
function initiallyOpen(form: TUnitForm, draftOpen: boolean): Set<string> {
  const open = form.entries.filter((e) => (draftOpen ? e.status !== 'done' : e.review === 'requested'));
  return new Set(open.map((e) => e.code));
}

/** Scrolls to an indicator and puts the keyboard focus on its heading button. */
function reveal(code: string) {
  requestAnimationFrame(() => {
    const card = document.getElementById(`entry-${code}`);
    if (!card) return;
    card.scrollIntoView({ behavior: 'smooth', block: 'start' });
    card.querySelector<HTMLButtonElement>('button[aria-expanded]')?.focus({ preventScroll: true });
  });
}

/** The loaded form: header, notices, pillar navigation and the indicators. */
export function FormView({ form }: { form: TUnitForm }) {
  const { ft } = useFormText();
  const user = useCurrentUser();
  const screens = Grid.useBreakpoint();
  const wide = screens.lg === true;
  const access = useMemo(() => formAccess(form, user, new Date()), [form, user]);
  const rounding = useMemo(() => readRounding(form.framework.rounding), [form.framework.rounding]);
  const [filter, setFilter] = useState<EntryFilter>(NO_FILTER);
  const [expanded, setExpanded] = useState<Set<string>>(() => initiallyOpen(form, access.draftOpen));
  const [historyCode, setHistoryCode] = useState<string | null>(null);

  const onExpand = useCallback((codes: string[], open: boolean) => {
    setExpanded((prev) => {
      const next = new Set(prev);
      for (const c of codes) open ? next.add(c) : next.delete(c);
      return next;
    });
  }, []);

  const goTo = useCallback(
    (code: string) => {
      setFilter(NO_FILTER);
      onExpand([code], true);
      reveal(code);
    },
    [onExpand],
  );

  // A link to "#entry-<code>" (from a notification or the review page) opens that indicator.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only once, when the page opens
  useEffect(() => {
    const hash = decodeURIComponent(window.location.hash);
    if (hash.startsWith('#entry-')) goTo(hash.slice('#entry-'.length));
  }, []);

  return (
    <>
      <FormHeader form={form} access={access} onGoTo={goTo} />
      {access.notices.map((n) => (
        <Alert
          key={n.key}
          type={n.type}
          showIcon
          title={ft(n.key, n.values)}
          style={{ marginBottom: 12 }}
          data-testid="form-notice"
        />
      ))}
      <Row gutter={[16, 0]}>
        <Col xs={24} lg={7} xl={6}>
          <PillarNav
            pillars={form.pillars}
            value={filter.pillar}
            onChange={(pillar) => setFilter((f) => ({ ...f, pillar }))}
            compact={!wide}
          />
        </Col>
        <Col xs={24} lg={17} xl={18}>
          <IndicatorList
            form={form}
            access={access}
            rounding={rounding}
            filter={filter}
            onFilter={setFilter}
            userId={user.id}
            expanded={expanded}
            onExpand={onExpand}
            onHistory={setHistoryCode}
          />
        </Col>
      </Row>
      <HistoryDrawer form={form} code={historyCode} onClose={() => setHistoryCode(null)} />
    </>
  );
}
