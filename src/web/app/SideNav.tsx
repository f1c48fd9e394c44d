import {
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  CalendarOutlined,
  DatabaseOutlined,
  EyeOutlined,
  FileTextOutlined,
  FormOutlined,
  HomeOutlined,
  ProfileOutlined,
  TeamOutlined,
  TrophyOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { Menu, type MenuProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { Role } from '../../contracts/domain';
import { useSession } from '../backend/session';

type MenuItem = NonNullable<MenuProps['items']>[number];

interface NavLeaf {
  path: string;
  key:
    | 'home'
    | 'frameworks'
    | 'cycles'
    | 'dtiResults'
    | 'questions'
    | 'exams'
    | 'scenarios'
    | 'proctor'
    | 'contestResults'
    | 'contestAppeals'
    | 'units'
    | 'users'
    | 'audit';
  icon: ReactNode;
  /** Roles the module's pages serve (as the API allows them); absent: every signed-in role. */
  roles?: Role[];
}

const CONTEST_STAFF: Role[] = ['admin', 'organiser'];

const GROUPS: {
  key: 'dti' | 'contest' | 'catalog' | 'admin' | null;
  adminOnly?: boolean;
  items: NavLeaf[];
}[] = [
  { key: null, items: [{ path: '/', key: 'home', icon: <HomeOutlined /> }] },
  {
    key: 'dti',
    items: [
      { path: '/dti/frameworks', key: 'frameworks', icon: <ProfileOutlined /> },
      { path: '/dti/cycles', key: 'cycles', icon: <CalendarOutlined /> },
      {
        path: '/dti/results',
        key: 'dtiResults',
        icon: <BarChartOutlined />,
        roles: ['admin', 'organiser', 'council', 'viewer'],
      },
    ],
  },
  {
    key: 'contest',
    items: [
      { path: '/contest/questions', key: 'questions', icon: <DatabaseOutlined />, roles: CONTEST_STAFF },
      {
        path: '/contest/exams',
        key: 'exams',
        icon: <UnorderedListOutlined />,
        roles: [...CONTEST_STAFF, 'proctor'],
      },
      { path: '/contest/scenarios', key: 'scenarios', icon: <FileTextOutlined />, roles: CONTEST_STAFF },
      {
        path: '/contest/proctor',
        key: 'proctor',
        icon: <EyeOutlined />,
        roles: [...CONTEST_STAFF, 'proctor'],
      },
      {
        path: '/contest/results',
        key: 'contestResults',
        icon: <TrophyOutlined />,
        roles: [...CONTEST_STAFF, 'viewer'],
      },
      { path: '/contest/appeals', key: 'contestAppeals', icon: <FormOutlined />, roles: ['reporter'] },
    ],
  },
  { key: 'catalog', items: [{ path: '/units', key: 'units', icon: <ApartmentOutlined /> }] },
  {
    key: 'admin',
    adminOnly: true,
    items: [
      { path: '/admin/users', key: 'users', icon: <TeamOutlined /> },
      { path: '/admin/audit', key: 'audit', icon: <AuditOutlined /> },
    ],
  },
];

/** The module of a path: the longest nav path that prefixes it. */
function selectedPath(pathname: string): string {
  let best = pathname === '/' ? '/' : '';
  for (const g of GROUPS) {
    for (const item of g.items) {
      if (
        item.path !== '/' &&
        (pathname === item.path || pathname.startsWith(`${item.path}/`)) &&
        item.path.length > best.length
      ) {
        best = item.path;
      }
    }
  }
  return best;
}

export function SideNav({ collapsed = false, onNavigate }: { collapsed?: boolean; onNavigate?: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const { data: session } = useSession();
  const role = session?.user.role;
  const isAdmin = role === 'admin';
  const shown = (item: NavLeaf) => !item.roles || (role !== undefined && item.roles.includes(role));

  const leaf = (item: NavLeaf): MenuItem => ({
    key: item.path,
    icon: item.icon,
    label: (
      <Link to={item.path} onClick={onNavigate}>
        {t(`nav.${item.key}`)}
      </Link>
    ),
  });
  const items: MenuProps['items'] = GROUPS.filter((g) => !g.adminOnly || isAdmin).flatMap<MenuItem>((g) => {
    const visible = g.items.filter(shown);
    if (g.key === null) return visible.map(leaf);
    if (visible.length === 0) return [];
    return [
      {
        type: 'group' as const,
        key: g.key,
        label: collapsed ? null : t(`nav.${g.key}`),
        children: visible.map(leaf),
      },
    ];
  });

  return (
    <nav aria-label={t('nav.label')}>
      <Menu
        mode="inline"
        inlineCollapsed={collapsed}
        selectedKeys={[selectedPath(pathname)]}
        items={items}
        style={{ borderInlineEnd: 0 }}
      />
    </nav>
  );
}
