import { Breadcrumb, Button, Card, Flex, Result, Steps } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { usePageTitle } from '../usePageTitle';

interface Props {
  title: string;
  /** The list the import feeds: first breadcrumb. */
  back: { to: string; label: string };
  /** Upload, preview, done; no step bar when absent. */
  steps?: [string, string, string];
  step?: number;
  /** The result shown instead of the form once the import is done. */
  result?: ReactNode;
  children: ReactNode;
}

/** The page around a file import: breadcrumb, title, steps, then the form or its result. */
export function ImportLayout({ title, back, steps, step = 0, result, children }: Props) {
  usePageTitle(title);
  return (
    <div className="page">
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[{ title: <Link to={back.to}>{back.label}</Link> }, { title }]}
      />
      <h1 className="page-title" style={{ marginBottom: 16 }}>
        {title}
      </h1>
      <Card>
        {steps && (
          <Steps current={step} style={{ marginBottom: 24 }} items={steps.map((s) => ({ title: s }))} />
        )}
        {result ?? (
          <Flex vertical gap={16}>
            {children}
          </Flex>
        )}
      </Card>
    </div>
  );
}

/** The last step: what was imported and where to go next (the first action is the main one). */
export function ImportDone({
  title,
  subTitle,
  actions,
}: {
  title: string;
  subTitle?: string;
  actions: { label: string; onClick: () => void }[];
}) {
  return (
    <Result
      status="success"
      title={<h2 style={{ margin: 0, fontSize: 20 }}>{title}</h2>}
      subTitle={subTitle}
      extra={actions.map((a, i) => (
        <Button key={a.label} type={i === 0 ? 'primary' : 'default'} onClick={a.onClick}>
          {a.label}
        </Button>
      ))}
    />
  );
}
