import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { vnDate } from '../../core/office/helpers';
import { buildNotation } from '../../core/office/numbering';
import { seedSandbox } from '../../core/office/sandbox';
import type { Scenario, SeedFile } from '../../core/office/scenario';
import type { IncomingDocument, OutgoingDocument, SandboxState } from '../../core/office/state';
import { AppError } from '../../core/shared/app-error';
import type { Db } from '../db/client';
import { attempts, candidates, practiceCertificates, practiceFiles, practiceSandboxes } from '../db/schema';
import { candidateAddress } from './candidate-address';
import { parentPlace } from './document-text';
import { runPdfTask } from './pdf-pool-run';
import { cachedRender } from './render-cache';
import type { DocumentPdfInput } from './render-document-pdf';
import { renderSeedFile } from './render-seed-file';
import { fileRow, type NewPracticeFile } from './sandbox-files';
import { findScenario } from './scenario-store';

const URGENCY_MARK = {
  thuong: undefined,
  khan: 'KHẨN',
  thuong_khan: 'THƯỢNG KHẨN',
  hoa_toc: 'HỎA TỐC',
} as const;

/**
 * Renders (or reuses the rendering of) a document on the PDF workers: the same input always gives the
 * same file.
 */
const render = (input: DocumentPdfInput) => cachedRender(input, () => runPdfTask('document', input));

/** A seed file's bytes: a PDF is rendered on the PDF workers, a text file is its body. */
const seedFileBytes = (seed: SeedFile) =>
  cachedRender(seed, () =>
    seed.mediaType === 'application/pdf' ? runPdfTask('seedFile', seed) : renderSeedFile(seed),
  );

function incomingPdf(scenario: Scenario, doc: IncomingDocument) {
  const { agency } = scenario.candidate;
  return render({
    agencyName: doc.issuerName,
    type: doc.type,
    numberSymbol: doc.numberSymbol,
    place: parentPlace(agency.parentName, agency.place),
    issuedDate: doc.issuedDate,
    year: Number(doc.issuedDate.slice(0, 4)),
    subject: doc.subject,
    body: doc.body,
    signerPosition: doc.signer?.position ?? 'THỦ TRƯỞNG CƠ QUAN',
    signerName: doc.signer?.name ?? '',
    signed: true,
    recipients: ['Như trên'],
    archive: 'Lưu: VT.',
    urgency: URGENCY_MARK[doc.urgency],
  });
}

function draftPdf(scenario: Scenario, state: SandboxState, doc: OutgoingDocument) {
  const nameOf = (key: string) => state.directory.find((e) => e.key === key)?.name ?? key;
  return render({
    parentName: scenario.candidate.agency.parentName,
    agencyName: state.agency.name,
    type: doc.type,
    notation: buildNotation({
      type: doc.type,
      agency: doc.agencyAbbreviation,
      ...(doc.unitAbbreviation ? { unit: doc.unitAbbreviation } : {}),
    }),
    place: state.agency.place,
    year: Number(vnDate(state.createdAt).slice(0, 4)),
    subject: doc.subject,
    body: doc.body,
    signerPosition: doc.signerPosition ?? scenario.candidate.position,
    signerName: state.candidate.name,
    signed: false,
    recipients: doc.recipients.map(nameOf),
    archive: `Lưu: VT${doc.unitAbbreviation ? `, ${doc.unitAbbreviation}` : ''}.`,
  });
}

/**
 * Renders every file of a freshly seeded sandbox and records each one's hash and size in the state.
 * The files are rendered together: the PDF workers take them in parallel.
 */
async function renderFiles(
  scenario: Scenario,
  state: SandboxState,
  attemptId: string,
): Promise<{ state: SandboxState; rows: NewPracticeFile[] }> {
  const rows = await Promise.all(
    state.files.map(async (file): Promise<NewPracticeFile> => {
      const doc = state.documents.find((d) => d.fileId === file.id);
      if (doc) {
        const { pdf, layout } =
          doc.direction === 'incoming'
            ? await incomingPdf(scenario, doc)
            : await draftPdf(scenario, state, doc);
        return fileRow({
          attemptId,
          key: file.id,
          kind: 'document',
          filename: file.fileName,
          mime: file.mediaType,
          data: pdf,
          layout,
        });
      }
      const seed = scenario.files.find((f) => f.key === file.key);
      if (!seed) throw new Error(`Seed file ${file.key ?? file.id} is not in the scenario`);
      return fileRow({
        attemptId,
        key: file.id,
        kind: 'seed',
        filename: file.fileName,
        mime: file.mediaType,
        data: await seedFileBytes(seed),
      });
    }),
  );
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const files = state.files.map((f) => ({
    ...f,
    sha256: byKey.get(f.id)!.sha256,
    size: byKey.get(f.id)!.size,
  }));
  return { state: { ...state, files }, rows };
}

/**
 * Builds the practice sandbox of an attempt from a scenario: the core seeds the world (inbox, incoming
 * documents, drafts, address book) for this candidate, the server renders each document and attachment
 * as it will be downloaded, and both are stored together. Seeding again returns what is there: an
 * attempt has one sandbox, whatever races to make it.
 */
export async function seedPracticeSandbox(
  db: Db,
  input: { attemptId: string; scenarioCode: string; now: Date },
): Promise<{ created: boolean; seq: number; state: SandboxState }> {
  const existing = async () => {
    const [row] = await db
      .select({ seq: practiceSandboxes.seq, state: practiceSandboxes.state })
      .from(practiceSandboxes)
      .where(eq(practiceSandboxes.attemptId, input.attemptId));
    return row;
  };
  const found = await existing();
  if (found) return { created: false, seq: found.seq, state: found.state };

  const [owner] = await db
    .select({ fullName: candidates.fullName, contestId: candidates.contestId, candidateId: candidates.id })
    .from(attempts)
    .innerJoin(candidates, eq(candidates.id, attempts.candidateId))
    .where(eq(attempts.id, input.attemptId));
  if (!owner) throw new AppError('attempt_not_found', 'Không tìm thấy bài thi');
  const [certificate] = await db
    .select({ serial: practiceCertificates.serial })
    .from(practiceCertificates)
    .where(
      and(
        eq(practiceCertificates.contestId, owner.contestId),
        eq(practiceCertificates.candidateId, owner.candidateId),
        eq(practiceCertificates.kind, 'candidate'),
      ),
    );
  const stored = await findScenario(db, input.scenarioCode);
  const scenario = stored.document;
  const seeded = seedSandbox(scenario, {
    candidate: {
      name: owner.fullName,
      email: candidateAddress(scenario, owner.fullName),
      ...(certificate ? { certificateSerial: certificate.serial } : {}),
    },
    now: input.now.toISOString(),
    newId: randomUUID,
  });
  const { state, rows } = await renderFiles(scenario, seeded, input.attemptId);

  const created = await db.transaction(async (tx) => {
    const inserted = await tx
      .insert(practiceSandboxes)
      .values({
        attemptId: input.attemptId,
        scenarioCode: scenario.code,
        scenarioVersion: stored.version,
        scenario,
        state,
        createdAt: input.now,
        updatedAt: input.now,
      })
      .onConflictDoNothing()
      .returning({ seq: practiceSandboxes.seq });
    if (inserted.length === 0) return null;
    await tx.insert(practiceFiles).values(rows);
    return inserted[0]!.seq;
  });
  if (created !== null) return { created: true, seq: created, state };
  const raced = (await existing())!;
  return { created: false, seq: raced.seq, state: raced.state };
}
