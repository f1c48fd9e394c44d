import { MenuFoldOutlined, MenuOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Button, Drawer, Flex, Grid, Layout } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { PageLoading } from '../ui/StatusPages';
import { DemoTag } from './DemoTag';
import { LanguageSwitch } from './LanguageSwitch';
import { SideNav } from './SideNav';
import { UserMenu } from './UserMenu';

const SIDER_COLLAPSED_KEY = 'thuocdo.siderCollapsed';

/** Header, side navigation (a drawer on phones) and the page in <main>. */
export function AppShell() {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const isPhone = screens.md === false;
  const [collapsed, setCollapsed] = useState(() => localStorage.getItem(SIDER_COLLAPSED_KEY) === '1');
  const [drawerOpen, setDrawerOpen] = useState(false);

  const toggle = () => {
    if (isPhone) return setDrawerOpen(true);
    localStorage.setItem(SIDER_COLLAPSED_KEY, collapsed ? '0' : '1');
    setCollapsed(!collapsed);
  };
  const toggleLabel = isPhone ? t('nav.openMenu') : collapsed ? t('nav.expandMenu') : t('nav.collapseMenu');
  const toggleIcon = isPhone ? <MenuOutlined /> : collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <Layout.Header
        style={{ display: 'flex', alignItems: 'center', gap: 8, position: 'sticky', top: 0, zIndex: 20 }}
      >
        <Button
          type="text"
          icon={toggleIcon}
          aria-label={toggleLabel}
          aria-expanded={isPhone ? drawerOpen : !collapsed}
          onClick={toggle}
          style={{ color: '#ffffff' }}
        />
        <Link to="/" style={{ color: '#ffffff', fontWeight: 700, fontSize: 18, whiteSpace: 'nowrap' }}>
          {t('app.name')}
        </Link>
        <Flex flex="1 1 auto" style={{ minWidth: 0, overflow: 'hidden' }}>
          {!isPhone && <DemoTag />}
        </Flex>
        <NotificationBell />
        <LanguageSwitch onDark />
        <UserMenu compact={isPhone} />
      </Layout.Header>
      <Layout>
        {isPhone ? (
          <Drawer
            placement="left"
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            title={t('app.name')}
            size={280}
            styles={{ body: { padding: 0 } }}
          >
            <SideNav onNavigate={() => setDrawerOpen(false)} />
          </Drawer>
        ) : (
          <Layout.Sider
            collapsed={collapsed}
            trigger={null}
            collapsible
            width={232}
            style={{ position: 'sticky', top: 56, height: 'calc(100vh - 56px)', overflowY: 'auto' }}
          >
            <SideNav collapsed={collapsed} />
          </Layout.Sider>
        )}
        <Layout.Content id="main" tabIndex={-1} style={{ minWidth: 0 }}>
          {isPhone && (
            <div style={{ padding: '8px 12px 0' }}>
              <DemoTag />
            </div>
          )}
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
