import type { TPracticeDocument, TPracticeMail, TPracticeView } from '../../contracts/practice';
import { nameOf, normaliseAddress } from '../../core/office/helpers';
import type { Scenario } from '../../core/office/scenario';
import { pinAttemptsLeft } from '../../core/office/signing';
import type { HistoryEntry, Mail, SandboxDocument, SandboxState } from '../../core/office/state';

/** The candidate's exam certificate as the signing dialog shows it. */
export type PracticeCertificateInfo = NonNullable<TPracticeView['candidate']['certificate']>;

export interface PracticeViewInput {
  state: SandboxState;
  scenario: Scenario;
  seq: number;
  /** The attempt no longer accepts changes. */
  closed: boolean;
  certificate: PracticeCertificateInfo | null;
}

function mailOf(m: Mail): TPracticeMail {
  // Field by field: the planted `phishing` flag, the seed key and what was opened stay on the server.
  return {
    id: m.id,
    folder: m.folder,
    messageId: m.messageId,
    from: { name: m.from.name, email: m.from.email },
    to: [...m.to],
    cc: [...m.cc],
    bcc: [...m.bcc],
    subject: m.subject,
    body: m.body,
    attachments: m.attachments.map((a) => ({ fileId: a.fileId, fileName: a.fileName })),
    at: m.at,
    read: m.read,
    reported: m.reported === true,
    ...(m.inReplyTo !== undefined ? { inReplyTo: m.inReplyTo } : {}),
    ...(m.forwardOf !== undefined ? { forwardOf: m.forwardOf } : {}),
    ...(m.undelivered !== undefined ? { undelivered: [...m.undelivered] } : {}),
    ...(m.documentId !== undefined ? { documentId: m.documentId } : {}),
  };
}

function historyOf(state: SandboxState, h: HistoryEntry) {
  return {
    at: h.at,
    actor: h.actor,
    actorName: nameOf(state, h.actor),
    action: h.action,
    ...(h.to !== undefined ? { to: [...h.to] } : {}),
    ...(h.note !== undefined ? { note: h.note } : {}),
  };
}

function documentOf(state: SandboxState, d: SandboxDocument): TPracticeDocument {
  const common = {
    id: d.id,
    type: d.type,
    subject: d.subject,
    fileId: d.fileId,
    holder: d.holder,
    holderName: nameOf(state, d.holder),
    history: d.history.map((h) => historyOf(state, h)),
  };
  if (d.direction === 'incoming') {
    return {
      ...common,
      direction: 'incoming',
      numberSymbol: d.numberSymbol,
      issuedDate: d.issuedDate,
      issuerName: d.issuerName,
      arrivalNumber: d.arrivalNumber,
      arrivalDate: d.arrivalDate,
      urgency: d.urgency,
      status: d.status,
      ...(d.dueDate !== undefined ? { dueDate: d.dueDate } : {}),
      ...(d.directive
        ? {
            directive: {
              text: d.directive.text,
              lead: d.directive.lead,
              cooperating: [...d.directive.cooperating],
              deadline: d.directive.deadline,
              at: d.directive.at,
            },
          }
        : {}),
      ...(d.openedAt !== undefined ? { openedAt: d.openedAt } : {}),
    };
  }
  return {
    ...common,
    direction: 'outgoing',
    recipients: [...d.recipients],
    status: d.status,
    signatures: d.signatures.map((s) => ({ by: s.by, at: s.at, signerName: s.signerName })),
    ...(d.numberSymbol !== undefined ? { numberSymbol: d.numberSymbol } : {}),
    ...(d.issuedDate !== undefined ? { issuedDate: d.issuedDate } : {}),
  };
}

/** The candidate's own mail copies: other mailboxes of the sandbox are not theirs to read. */
export function ownMails(state: SandboxState): Mail[] {
  const own = normaliseAddress(state.candidate.email);
  return state.mails.filter((m) => normaliseAddress(m.owner) === own);
}

/**
 * What the candidate sees of a sandbox, built field by field so nothing the scenario keeps from them
 * (other mailboxes, planted phishing flags, task checks, events, grading) can slip through. Files are
 * those the candidate may open: documents, uploads, and seed files attached to their own mails.
 */
export function practiceView(input: PracticeViewInput): TPracticeView {
  const { state, scenario } = input;
  const mails = ownMails(state);
  const attached = new Set(mails.flatMap((m) => m.attachments.map((a) => a.fileId)));
  return {
    seq: input.seq,
    closed: input.closed,
    scenario: {
      code: scenario.code,
      name: scenario.name,
      totalPoints: scenario.totalPoints,
      ...(scenario.description !== undefined ? { description: scenario.description } : {}),
      tasks: scenario.tasks.map((t) => ({
        id: t.id,
        title: t.title,
        instruction: t.instruction,
        points: t.points,
      })),
    },
    candidate: {
      name: state.candidate.name,
      email: state.candidate.email,
      position: state.candidate.position,
      certificate: input.certificate ? { ...input.certificate } : null,
    },
    agency: { name: state.agency.name, abbreviation: state.agency.abbreviation, place: state.agency.place },
    directory: state.directory.map((e) => ({
      key: e.key,
      kind: e.kind,
      name: e.name,
      email: e.email,
      ...(e.position !== undefined ? { position: e.position } : {}),
    })),
    mails: mails.map(mailOf),
    files: state.files
      .filter((f) => f.source !== 'seed' || attached.has(f.id))
      .map((f) => ({
        id: f.id,
        fileName: f.fileName,
        mediaType: f.mediaType,
        source: f.source,
        ...(f.documentId !== undefined ? { documentId: f.documentId } : {}),
      })),
    documents: state.documents.map((d) => documentOf(state, d)),
    token: {
      wrongPins: state.token.wrongPins,
      locked: state.token.locked,
      attemptsLeft: pinAttemptsLeft(state),
    },
    questions: state.questions.map((q) => ({
      key: q.key,
      prompt: q.prompt,
      ...(q.options ? { options: q.options.map((o) => ({ code: o.code, text: o.text })) } : {}),
    })),
    answers: state.answers.map((a) => ({
      question: a.question,
      ...(a.option !== undefined ? { option: a.option } : {}),
      ...(a.text !== undefined ? { text: a.text } : {}),
      at: a.at,
    })),
  };
}
