import { Card, Flex, Form, Progress, Select } from 'antd';
import type { TUnitForm } from '../../../../contracts/cycles';
import { useFormText } from './text';

type Pillar = TUnitForm['pillars'][number];

const pct = (p: { done: number; total: number }) =>
  p.total === 0 ? 100 : Math.round((p.done / p.total) * 100);

function PillarButton({
  label,
  p,
  selected,
  onClick,
}: {
  label: string;
  p: { done: number; total: number };
  selected: boolean;
  onClick: () => void;
}) {
  const { ft } = useFormText();
  return (
    <button
      type="button"
      aria-pressed={selected}
      onClick={onClick}
      style={{
        display: 'block',
        width: '100%',
        textAlign: 'start',
        padding: '8px 10px',
        border: `1px solid ${selected ? '#1456b8' : 'transparent'}`,
        borderRadius: 6,
        background: selected ? '#e6f4ff' : 'transparent',
        cursor: 'pointer',
        font: 'inherit',
        color: 'inherit',
      }}
    >
      <div style={{ fontWeight: selected ? 600 : 500, lineHeight: 1.35 }}>{label}</div>
      <Flex align="center" gap={8}>
        <Progress percent={pct(p)} size="small" showInfo={false} style={{ flex: 1, margin: 0 }} aria-hidden />
        <span style={{ fontSize: 12, whiteSpace: 'nowrap', color: 'rgba(0, 0, 0, 0.68)' }}>
          {ft('pillarProgress', p)}
        </span>
      </Flex>
    </button>
  );
}

const total = (pillars: Pillar[]) =>
  pillars.reduce((a, p) => ({ done: a.done + p.done, total: a.total + p.total }), { done: 0, total: 0 });

/** The pillars with their progress; choosing one shows only its indicators. */
export function PillarNav({
  pillars,
  value,
  onChange,
  compact,
}: {
  pillars: Pillar[];
  value: string | null;
  onChange: (code: string | null) => void;
  compact: boolean;
}) {
  const { ft } = useFormText();
  if (compact)
    return (
      <Form layout="vertical" component="div">
        <Form.Item label={ft('pillarSelect')} htmlFor="pillar-select" style={{ marginBottom: 12 }}>
          <Select
            id="pillar-select"
            value={value ?? ''}
            onChange={(v) => onChange(v || null)}
            options={[
              { value: '', label: `${ft('allPillars')} (${ft('pillarProgress', total(pillars))})` },
              ...pillars.map((p) => ({
                value: p.code,
                label: `${p.code}. ${p.name} (${ft('pillarProgress', p)})`,
              })),
            ]}
          />
        </Form.Item>
      </Form>
    );
  return (
    <Card size="small" style={{ position: 'sticky', top: 72 }} styles={{ body: { padding: 8 } }}>
      <nav aria-label={ft('pillarsNav')}>
        <Flex vertical gap={2}>
          <PillarButton
            label={ft('allPillars')}
            p={total(pillars)}
            selected={value === null}
            onClick={() => onChange(null)}
          />
          {pillars.map((p) => (
            <PillarButton
              key={p.code}
              label={`${p.code}. ${p.name}`}
              p={p}
              selected={value === p.code}
              onClick={() => onChange(p.code)}
            />
          ))}
        </Flex>
      </nav>
    </Card>
  );
}
