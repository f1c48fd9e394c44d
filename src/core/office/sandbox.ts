import { AppError } from '../shared/app-error';
import { documentFileName, isEmail, normaliseAddress, vnDate } from './helpers';
import { CANDIDATE_KEY, type Scenario } from './scenario';
import { directoryOf, seedDraft, seedIncoming } from './seed-documents';
import type { ActionContext, Mail, SandboxFile, SandboxState } from './state';
import { validateScenario } from './validate-scenario';

export interface SeedOptions extends ActionContext {
  candidate: { name: string; email: string; certificateSerial?: string };
}

/**
 * Builds the sandbox of one attempt from a scenario: address book, the candidate's inbox, incoming
 * documents waiting for (or past) the leader, drafts awaiting signature, the agency's number series.
 */
export function seedSandbox(scenario: Scenario, options: SeedOptions): SandboxState {
  const problems = validateScenario(scenario);
  if (problems.length > 0) throw new AppError('validation_failed', 'Đề thực hành không hợp lệ', problems);
  const { candidate, now, newId } = options;
  if (!candidate.name.trim()) throw new AppError('validation_failed', 'Thiếu họ tên thí sinh');
  if (!isEmail(candidate.email))
    throw new AppError('validation_failed', 'Địa chỉ thư của thí sinh không hợp lệ');
  const directory = directoryOf(scenario, { ...candidate, name: candidate.name.trim() });
  const own = normaliseAddress(candidate.email);
  if (directory.filter((e) => normaliseAddress(e.email) === own).length > 1) {
    throw new AppError('conflict', 'Địa chỉ thư của thí sinh trùng với một hộp thư có sẵn trong đề');
  }

  const files: SandboxFile[] = scenario.files.map((f) => ({
    id: newId(),
    key: f.key,
    fileName: f.fileName,
    mediaType: f.mediaType,
    source: 'seed',
  }));
  const fileByKey = new Map(files.map((f) => [f.key!, f]));
  const swap = (list: string[]) => list.map((a) => (a === CANDIDATE_KEY ? candidate.email : a));

  const mails: Mail[] = scenario.mails.map((m) => ({
    id: newId(),
    owner: candidate.email,
    folder: 'inbox',
    messageId: newId(),
    seedKey: m.key,
    from: { ...m.from },
    to: swap(m.to ?? [CANDIDATE_KEY]),
    cc: swap(m.cc ?? []),
    bcc: [],
    subject: m.subject,
    body: m.body,
    attachments: (m.attachments ?? []).map((k) => ({
      fileId: fileByKey.get(k)!.id,
      fileName: fileByKey.get(k)!.fileName,
    })),
    at: m.sentAt,
    read: m.read === true,
    ...(m.phishing ? { phishing: true } : {}),
    openedAttachments: [],
  }));

  const documents = [
    ...scenario.incoming.map((d) => {
      const file: SandboxFile = {
        id: newId(),
        fileName: documentFileName(d.numberSymbol),
        mediaType: 'application/pdf',
        source: 'document',
      };
      const doc = seedIncoming(scenario, d, file.id, newId());
      files.push({ ...file, documentId: doc.id });
      return doc;
    }),
    ...scenario.drafts.map((d) => {
      const file: SandboxFile = {
        id: newId(),
        fileName: documentFileName(`du-thao-${d.key}`),
        mediaType: 'application/pdf',
        source: 'document',
      };
      const doc = seedDraft(scenario, d, file.id, newId(), now);
      files.push({ ...file, documentId: doc.id });
      return doc;
    }),
  ];

  const year = Number(vnDate(now).slice(0, 4));
  const last = scenario.candidate.agency.lastOutgoingNumber ?? 0;
  const { name, parentName, abbreviation, place } = scenario.candidate.agency;
  return {
    version: 1,
    scenarioCode: scenario.code,
    createdAt: now,
    candidate: {
      name: candidate.name.trim(),
      email: candidate.email,
      position: scenario.candidate.position,
      ...(candidate.certificateSerial ? { certificateSerial: candidate.certificateSerial } : {}),
    },
    agency: { name, ...(parentName ? { parentName } : {}), abbreviation, place },
    directory,
    mails,
    files,
    documents,
    register: last > 0 ? [{ agency: abbreviation, year, last, issued: [] }] : [],
    token: { wrongPins: 0, locked: false },
    questions: scenario.questions.map((q) => ({
      ...q,
      ...(q.options ? { options: q.options.map((o) => ({ ...o })) } : {}),
    })),
    answers: [],
    events: [{ seq: 1, at: now, type: 'sandbox_seeded', data: { scenario: scenario.code } }],
  };
}
