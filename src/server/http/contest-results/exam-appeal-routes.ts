import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZAppeal, ZExamAppealRequest, ZExamAppeals } from '../../../contracts/contest-results-appeals';
import { candidateAppeals } from '../../contest-results/appeals/candidate-appeals';
import { fileAppeal } from '../../contest-results/appeals/file-appeal';
import { requireCandidate } from '../exam/candidate-access';

const CANDIDATE = { roles: 'candidate_login', unitScope: 'none' } as const;

/** The candidate's appeals on the exam page: their own only, from the exam login. */
export async function examAppealRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  app.addHook('onSend', async (_req, reply) => {
    reply.header('cache-control', 'no-store');
  });

  r.get(
    '/api/exam/appeals',
    {
      config: { access: CANDIDATE },
      schema: {
        tags: ['exam'],
        summary: 'Đơn phúc khảo của thí sinh và thời hạn nộp',
        response: { 200: ZExamAppeals },
      },
    },
    async (req) => candidateAppeals(app.db, requireCandidate(req).candidateId, app.clock()),
  );

  r.post(
    '/api/exam/appeals',
    {
      config: { access: CANDIDATE },
      schema: {
        tags: ['exam'],
        summary: 'Thí sinh nộp đơn phúc khảo kết quả của mình',
        body: ZExamAppealRequest,
        response: { 200: ZAppeal.pick({ id: true, section: true, status: true, createdAt: true }) },
      },
    },
    async (req) => {
      const me = requireCandidate(req);
      const appeal = await fileAppeal(app.db, {
        contestId: me.contestId,
        candidateId: me.candidateId,
        section: req.body.section,
        text: req.body.text,
        filer: { kind: 'candidate' },
        actor: { id: null, username: null, ip: req.ip },
        now: app.clock(),
      });
      return { id: appeal.id, section: appeal.section, status: appeal.status, createdAt: appeal.createdAt };
    },
  );
}
