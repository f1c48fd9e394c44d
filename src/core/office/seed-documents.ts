import { CANDIDATE_KEY, type Scenario, type SeedDraft, type SeedIncoming } from './scenario';
import type { DirectoryEntry, IncomingDocument, OutgoingDocument } from './state';

/** Seed history of a document waiting for the candidate: received, registered, presented. */
function arrivalHistory(doc: SeedIncoming, clerk: string): IncomingDocument['history'] {
  const at = `${doc.arrivalDate}T08:00:00+07:00`;
  return [
    { at, actor: clerk, action: 'tiep_nhan', note: `Tiếp nhận văn bản ${doc.numberSymbol}` },
    { at, actor: clerk, action: 'vao_so', note: `Vào sổ văn bản đến, số đến ${doc.arrivalNumber}` },
    { at, actor: clerk, action: 'trinh', to: [CANDIDATE_KEY], note: 'Trình lãnh đạo cho ý kiến chỉ đạo' },
  ];
}

/** The address book: the candidate first, then the văn thư, units, people and agencies. */
export function directoryOf(
  scenario: Scenario,
  candidate: { name: string; email: string },
): DirectoryEntry[] {
  const { clerk, units, people, agencies } = scenario.actors;
  return [
    {
      key: CANDIDATE_KEY,
      kind: 'candidate',
      name: candidate.name,
      email: candidate.email,
      position: scenario.candidate.position,
    },
    { key: clerk.key, kind: 'clerk', name: clerk.name, email: clerk.email, position: clerk.position },
    ...units.map((u) => ({
      key: u.key,
      kind: 'unit' as const,
      name: u.name,
      email: u.email,
      ...(u.abbreviation ? { abbreviation: u.abbreviation } : {}),
    })),
    ...people.map((p) => ({
      key: p.key,
      kind: 'person' as const,
      name: p.name,
      email: p.email,
      position: p.position,
    })),
    ...agencies.map((a) => ({
      key: a.key,
      kind: 'agency' as const,
      name: a.name,
      email: a.email,
      abbreviation: a.abbreviation,
    })),
  ];
}

/** An incoming document as the sandbox holds it, waiting or already under way. */
export function seedIncoming(
  scenario: Scenario,
  doc: SeedIncoming,
  fileId: string,
  id: string,
): IncomingDocument {
  const issuer = scenario.actors.agencies.find((a) => a.key === doc.issuer)!;
  return {
    id,
    key: doc.key,
    direction: 'incoming',
    type: doc.type,
    numberSymbol: doc.numberSymbol,
    issuedDate: doc.issuedDate,
    issuer: doc.issuer,
    issuerName: issuer.name,
    subject: doc.subject,
    body: doc.body,
    ...(doc.signer ? { signer: doc.signer } : {}),
    arrivalNumber: doc.arrivalNumber,
    arrivalDate: doc.arrivalDate,
    urgency: doc.urgency ?? 'thuong',
    fileId,
    status: doc.progress?.status ?? 'cho_xu_ly',
    holder: doc.progress?.holder ?? CANDIDATE_KEY,
    ...(doc.progress?.dueDate ? { dueDate: doc.progress.dueDate } : {}),
    history: doc.progress?.history.map((h) => ({ ...h })) ?? arrivalHistory(doc, scenario.actors.clerk.key),
  };
}

/** A draft outgoing document awaiting the candidate's signature. */
export function seedDraft(
  scenario: Scenario,
  doc: SeedDraft,
  fileId: string,
  id: string,
  now: string,
): OutgoingDocument {
  const drafter = doc.drafter ?? scenario.actors.clerk.key;
  return {
    id,
    key: doc.key,
    direction: 'outgoing',
    type: doc.type,
    subject: doc.subject,
    body: doc.body,
    recipients: [...doc.recipients],
    drafter,
    agencyAbbreviation: doc.agencyAbbreviation ?? scenario.candidate.agency.abbreviation,
    ...(doc.unitAbbreviation ? { unitAbbreviation: doc.unitAbbreviation } : {}),
    ...(doc.signerPosition ? { signerPosition: doc.signerPosition } : {}),
    fileId,
    status: 'cho_ky',
    holder: CANDIDATE_KEY,
    signatures: [],
    history: [{ at: now, actor: drafter, action: 'trinh', to: [CANDIDATE_KEY], note: 'Trình ký dự thảo' }],
  };
}
