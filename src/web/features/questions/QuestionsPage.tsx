import { DownloadOutlined, FileExcelOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Collapse, Dropdown, Empty, Flex, Grid, Row } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { LoadError } from '../../ui/StatusPages';
import { usePageTitle } from '../../ui/usePageTitle';
import { exportUrl, TEMPLATE_URL, useCategories, useQuestions } from './api';
import { CategoryPanel } from './CategoryPanel';
import { QuestionDrawer } from './QuestionDrawer';
import { QuestionFilterBar } from './QuestionFilterBar';
import { QuestionsTable } from './QuestionsTable';
import { useQuestionSearchParams } from './useQuestionSearchParams';

export function QuestionsPage() {
  const { t } = useTranslation();
  usePageTitle(t('questions.title'));
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const wide = Boolean(screens.lg);
  const [params, setParams] = useQuestionSearchParams();
  const { page, pageSize, ...filters } = params;
  const list = useQuestions(params);
  const categories = useCategories();
  const [target, setTarget] = useState<string | null>(null);

  const filtered = Object.values(filters).some((v) => v !== undefined);
  const empty = (
    <Empty description={filtered ? t('questions.empty') : t('questions.emptyBank')}>
      {!filtered && (
        <Flex gap={8} justify="center" wrap>
          <Button type="primary" onClick={() => setTarget('new')}>
            {t('questions.add')}
          </Button>
          <Button onClick={() => navigate('/contest/questions/import')}>{t('questions.import')}</Button>
        </Flex>
      )}
    </Empty>
  );
  const categoryId = filters.categoryId && filters.categoryId !== 'none' ? filters.categoryId : null;

  return (
    <div className="page">
      <div className="page-header">
        <h1 className="page-title">{t('questions.title')}</h1>
        <Flex gap={8} wrap>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setTarget('new')}>
            {t('questions.add')}
          </Button>
          <Button icon={<UploadOutlined />} onClick={() => navigate('/contest/questions/import')}>
            {t('questions.import')}
          </Button>
          <Dropdown
            menu={{
              items: [
                {
                  key: 'xlsx',
                  label: (
                    <a href={exportUrl(filters, 'xlsx')} download>
                      {t('questions.exportXlsx')}
                    </a>
                  ),
                },
                {
                  key: 'xml',
                  label: (
                    <a href={exportUrl(filters, 'moodle_xml')} download>
                      {t('questions.exportXml')}
                    </a>
                  ),
                },
              ],
            }}
          >
            <Button icon={<DownloadOutlined />} title={t('questions.exportHint')}>
              {t('questions.export')}
            </Button>
          </Dropdown>
          <Button icon={<FileExcelOutlined />} href={TEMPLATE_URL} download>
            {t('questions.template')}
          </Button>
        </Flex>
      </div>
      <Row gutter={[16, 16]}>
        {wide && (
          <Col lg={8} xl={7}>
            <Card>
              <CategoryPanel
                data={categories.data}
                selected={filters.categoryId}
                onSelect={(id) => setParams({ ...filters, categoryId: id })}
              />
            </Card>
          </Col>
        )}
        {!wide && (
          <Col xs={24}>
            <Collapse
              items={[
                {
                  key: 'categories',
                  label: t('questions.categories'),
                  children: (
                    <CategoryPanel
                      data={categories.data}
                      selected={filters.categoryId}
                      onSelect={(id) => setParams({ ...filters, categoryId: id })}
                    />
                  ),
                },
              ]}
            />
          </Col>
        )}
        <Col xs={24} lg={16} xl={17}>
          <Card>
            <QuestionFilterBar
              value={filters}
              onChange={(f) => setParams(f, 1)}
              categories={categories.data}
              showCategory={!wide}
            />
            {list.isError && !list.data ? (
              <LoadError error={list.error} onRetry={() => list.refetch()} />
            ) : (
              <QuestionsTable
                data={list.data}
                loading={list.isFetching}
                empty={empty}
                onOpen={setTarget}
                onPage={(p, size) => setParams(filters, size === pageSize ? p : 1, size)}
              />
            )}
          </Card>
        </Col>
      </Row>
      <QuestionDrawer
        target={target}
        defaultCategoryId={categoryId}
        categories={categories.data}
        onClose={() => setTarget(null)}
        onCreated={(id) => setTarget(id)}
      />
    </div>
  );
}
