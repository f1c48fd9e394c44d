import { asc, eq } from 'drizzle-orm';
import type { TAppealPractice } from '../../../contracts/contest-results-appeals-detail';
import { normaliseAddress } from '../../../core/office/helpers';
import type { Db } from '../../db/client';
import { practiceFiles, practiceSandboxes } from '../../db/schema';

/**
 * The final state of an attempt's practice sandbox for the organiser: the grade per task and check,
 * the mails the candidate sent, the documents with their directives and signatures, the answers, and
 * every stored file revision (served by the appeal's file route). Null when the attempt had no sandbox.
 */
export async function sandboxReview(db: Db, attemptId: string): Promise<TAppealPractice | null> {
  const [sandbox] = await db
    .select({
      scenarioCode: practiceSandboxes.scenarioCode,
      state: practiceSandboxes.state,
      score: practiceSandboxes.score,
      maxScore: practiceSandboxes.maxScore,
      grading: practiceSandboxes.grading,
      gradedAt: practiceSandboxes.gradedAt,
    })
    .from(practiceSandboxes)
    .where(eq(practiceSandboxes.attemptId, attemptId));
  if (!sandbox) return null;
  const files = await db
    .select({
      id: practiceFiles.id,
      key: practiceFiles.key,
      revision: practiceFiles.revision,
      kind: practiceFiles.kind,
      filename: practiceFiles.filename,
      mime: practiceFiles.mime,
      size: practiceFiles.size,
      sha256: practiceFiles.sha256,
      createdAt: practiceFiles.createdAt,
    })
    .from(practiceFiles)
    .where(eq(practiceFiles.attemptId, attemptId))
    .orderBy(asc(practiceFiles.createdAt), asc(practiceFiles.key), asc(practiceFiles.revision));
  const { state } = sandbox;
  const own = normaliseAddress(state.candidate.email);
  return {
    scenarioCode: sandbox.scenarioCode,
    score: sandbox.score === null ? null : Number(sandbox.score),
    maxScore: sandbox.maxScore === null ? null : Number(sandbox.maxScore),
    gradedAt: sandbox.gradedAt?.toISOString() ?? null,
    closedAt: state.closedAt ?? null,
    tasks: (sandbox.grading?.result.tasks ?? []).map((t) => ({
      id: t.id,
      title: t.title,
      points: t.points,
      max: t.max,
      checks: t.checks.map((c) => ({
        id: c.id,
        label: c.label,
        passed: c.passed,
        points: c.points,
        max: c.max,
        explanation: c.explanation,
      })),
    })),
    sentMails: state.mails
      .filter((m) => m.folder === 'sent' && normaliseAddress(m.owner) === own)
      .map((m) => ({
        id: m.id,
        at: m.at,
        to: m.to,
        cc: m.cc,
        subject: m.subject,
        body: m.body,
        attachments: m.attachments,
      })),
    documents: state.documents.map((d) => ({
      id: d.id,
      direction: d.direction,
      subject: d.subject,
      numberSymbol: d.numberSymbol ?? null,
      status: d.status,
      holder: d.holder,
      directive:
        d.direction === 'incoming' && d.directive
          ? `${d.directive.text} (XLC: ${d.directive.lead}; hạn ${d.directive.deadline})`
          : null,
      signatures:
        d.direction === 'outgoing'
          ? d.signatures.map((s) => ({
              by: s.by,
              at: s.at,
              signerName: s.signerName,
              certificateSerial: s.certificateSerial ?? null,
            }))
          : [],
    })),
    answers: state.answers.map((a) => ({ question: a.question, answer: a.option ?? a.text ?? '', at: a.at })),
    files: files.map((f) => ({ ...f, revision: Number(f.revision), createdAt: f.createdAt.toISOString() })),
  };
}
