import { Breadcrumb, Result } from 'antd';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../../backend/client';
import { LoadError, PageLoading } from '../../../ui/StatusPages';
import { usePageTitle } from '../../../ui/usePageTitle';
import { useUnitForm } from './api';
import { FormView } from './FormView';
import { useFormText } from './text';

/** The DTI self-assessment form of one unit in one cycle (`/dti/cycles/:id/units/:unitId`). */
export function UnitFormPage() {
  const { ft } = useFormText();
  const { id = '', unitId = '' } = useParams();
  const form = useUnitForm(id, unitId);
  usePageTitle(form.data ? `${form.data.unit.name} · ${ft('title')}` : ft('title'));

  if (form.isPending) return <PageLoading />;
  if (form.isError) {
    const err = form.error;
    const status = err instanceof ApiError ? err.status : 0;
    if (status === 404 || status === 403)
      return (
        <Result
          status={status === 404 ? '404' : '403'}
          title={<h1 className="result-title">{ft(status === 404 ? 'notFound' : 'forbidden')}</h1>}
          subTitle={err.message}
          extra={<Link to="/dti/cycles">{ft('cycles')}</Link>}
        />
      );
    return <LoadError error={err} onRetry={() => form.refetch()} />;
  }
  const data = form.data;
  return (
    <div className="page" style={{ maxWidth: 1600 }}>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          { title: <Link to="/dti/cycles">{ft('cycles')}</Link> },
          { title: <Link to={`/dti/cycles/${data.cycleId}`}>{data.cycleName}</Link> },
          { title: data.unit.name },
        ]}
      />
      <FormView form={data} />
    </div>
  );
}
