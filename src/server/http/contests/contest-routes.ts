import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZIdParam } from '../../../contracts/common';
import {
  ZBlueprintCheck,
  ZCategoryChoices,
  ZContest,
  ZContestInput,
  ZContestList,
  ZContestPatch,
  ZContestRules,
  ZContestStatusRequest,
} from '../../../contracts/contests';
import type { ContestRules } from '../../../core/exam/contest';
import { defaultContestRules } from '../../../core/exam/rules';
import { actorOf } from '../../audit';
import { checkContestBlueprint, listCategoryChoices } from '../../contests/check-blueprint';
import { getContest, listContests } from '../../contests/contests-repo';
import { createContest } from '../../contests/create-contest';
import { setContestStatus } from '../../contests/set-contest-status';
import { updateContest } from '../../contests/update-contest';
import { CONTEST_EDITORS, CONTEST_READERS } from './access';

export async function contestCoreRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['contests'];
  const read = { access: { roles: CONTEST_READERS, unitScope: 'none' as const } };
  const write = { access: { roles: CONTEST_EDITORS, unitScope: 'none' as const } };

  r.get(
    '/api/contests',
    { config: read, schema: { tags, summary: 'Danh sách kỳ thi', response: { 200: ZContestList } } },
    async () => ({ items: await listContests(app.db) }),
  );

  r.get(
    '/api/contests/default-rules',
    {
      config: read,
      schema: { tags, summary: 'Thể lệ mặc định của kỳ thi mới', response: { 200: ZContestRules } },
    },
    () => defaultContestRules(),
  );

  r.get(
    '/api/contests/question-categories',
    {
      config: write,
      schema: { tags, summary: 'Chuyên mục câu hỏi (cho cấu trúc đề)', response: { 200: ZCategoryChoices } },
    },
    async () => ({ items: await listCategoryChoices(app.db) }),
  );

  r.post(
    '/api/contests',
    {
      config: write,
      schema: { tags, summary: 'Tạo kỳ thi', body: ZContestInput, response: { 200: ZContest } },
    },
    (req) => createContest(app.db, actorOf(req), req.body),
  );

  r.get(
    '/api/contests/:id',
    {
      config: read,
      schema: { tags, summary: 'Chi tiết kỳ thi', params: ZIdParam, response: { 200: ZContest } },
    },
    (req) => getContest(app.db, req.params.id),
  );

  r.patch(
    '/api/contests/:id',
    {
      config: write,
      schema: {
        tags,
        summary: 'Sửa kỳ thi và thể lệ',
        params: ZIdParam,
        body: ZContestPatch,
        response: { 200: ZContest },
      },
    },
    (req) => updateContest(app.db, actorOf(req), req.params.id, req.body, app.clock()),
  );

  r.post(
    '/api/contests/:id/status',
    {
      config: write,
      schema: {
        tags,
        summary: 'Chuyển trạng thái kỳ thi (nháp → mở → kết thúc)',
        params: ZIdParam,
        body: ZContestStatusRequest,
        response: { 200: ZContest },
      },
    },
    (req) => setContestStatus(app.db, actorOf(req), req.params.id, req.body.status, app.clock()),
  );

  r.post(
    '/api/contests/:id/blueprint-check',
    {
      config: write,
      schema: {
        tags,
        summary: 'Đối chiếu cấu trúc đề với câu hỏi đã duyệt (thể lệ gửi lên, hoặc thể lệ đang lưu)',
        params: ZIdParam,
        body: ZContestRules.partial().optional(),
        response: { 200: ZBlueprintCheck },
      },
    },
    async (req) => {
      const contest = await getContest(app.db, req.params.id);
      const rules = { ...contest.rules, ...(req.body ?? {}) } as ContestRules;
      return checkContestBlueprint(app.db, rules);
    },
  );
}
