import { Breadcrumb, Col, Flex, Result, Row } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router';
import type { TTrendMethod } from '../../../../contracts/results';
import { ApiError } from '../../../backend/client';
import { useCurrentUser, useHasRole } from '../../../backend/session';
import { LoadError, PageLoading } from '../../../ui/StatusPages';
import { usePageTitle } from '../../../ui/usePageTitle';
import { parseTrendMethod, parseVersion, profilePath, useUnitProfile } from './api';
import { EvidenceCard } from './EvidenceCard';
import { ProfileHeader } from './ProfileHeader';
import { RadarCard } from './RadarCard';
import { StagesCard } from './StagesCard';
import { StrengthsCard } from './StrengthsCard';
import { TrendCard } from './TrendCard';
import { useProfileText } from './text';

/** A unit's DTI results profile (`/dti/results/:cycleId/units/:unitId?version=&trend=`). */
export function UnitProfilePage() {
  const { pt } = useProfileText();
  const { cycleId = '', unitId = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const version = parseVersion(search.get('version'));
  const trend = parseTrendMethod(search.get('trend'));
  const profile = useUnitProfile(cycleId, unitId, version, trend);
  const user = useCurrentUser();
  const leader = useHasRole('admin', 'organiser', 'council', 'viewer');
  usePageTitle(profile.data ? `${profile.data.unit.name} · ${pt('title')}` : pt('title'));

  const setTrend = (m: TTrendMethod) => {
    const next = new URLSearchParams(search);
    if (m === 'mean') next.delete('trend');
    else next.set('trend', m);
    setSearch(next, { replace: true });
  };

  if (profile.isPending) return <PageLoading />;
  if (profile.isError) {
    const err = profile.error;
    const status = err instanceof ApiError ? err.status : 0;
    if (status === 404 || status === 403) {
      const own = user.role === 'reporter' && user.unitId && user.unitId !== unitId;
      return (
        <Result
          status={status === 404 ? '404' : '403'}
          title={<h1 className="result-title">{pt(status === 404 ? 'notFound' : 'forbidden')}</h1>}
          subTitle={
            <>
              {err.message}
              {status === 403 && user.role === 'reporter' && <div>{pt('forbiddenHint')}</div>}
            </>
          }
          extra={
            own ? (
              <Link to={profilePath(cycleId, user.unitId!, { version })}>{pt('ownProfile')}</Link>
            ) : (
              <Link to={leader ? '/dti/results' : '/'}>{leader ? pt('results') : pt('title')}</Link>
            )
          }
        />
      );
    }
    return <LoadError error={err} onRetry={() => profile.refetch()} />;
  }

  const p = profile.data;
  return (
    <div className="page" data-testid="unit-profile">
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          { title: leader ? <Link to="/dti/results">{pt('results')}</Link> : pt('results') },
          { title: p.cycleName },
          { title: p.unit.name },
        ]}
      />
      <ProfileHeader profile={p} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <RadarCard profile={p} />
        </Col>
        <Col xs={24} xl={10}>
          <Flex vertical gap={16}>
            <StagesCard profile={p} />
            <EvidenceCard profile={p} />
          </Flex>
        </Col>
        <Col xs={24}>
          <StrengthsCard profile={p} />
        </Col>
        <Col xs={24}>
          <TrendCard
            profile={p}
            method={trend}
            onMethod={setTrend}
            loading={profile.isPlaceholderData || profile.isFetching}
          />
        </Col>
      </Row>
    </div>
  );
}
