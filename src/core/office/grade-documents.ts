import { formatDateVn } from '../shared/dates';
import { foldVietnamese } from '../shared/text';
import type { DirectiveCheck, IssuedCheck, QuestionCheck, SignedCheck } from './checks';
import type { CheckOutcome } from './grade-mail';
import { nameOf, normaliseAddress } from './helpers';
import { checkNumberSymbol, parseNumberSymbol, seriesOf } from './numbering';
import type { IncomingDocument, OutgoingDocument, SandboxState } from './state';

/** What the server found when it verified one signature of a document's final PDF. */
export interface VerifiedSignature {
  /** Integrity, CMS and certificate chain verify; the byte range covers its revision. */
  valid: boolean;
  /** Made with this attempt's exam certificate of the candidate. */
  byCandidate: boolean;
  /** Made with the agency's (văn thư's) certificate. */
  byAgency?: boolean;
  /** The signing time lies inside the exam window (absent = not checked). */
  inWindow?: boolean;
}

/** Verification results of every outgoing document's final PDF, by the scenario's document key. */
export type SignatureResults = Record<string, VerifiedSignature[]>;

const names = (state: SandboxState, keys: string[]) =>
  keys.map((k) => nameOf(state, k)).join(', ') || 'không có';

/** The candidate's latest bút phê on the document meets every condition of the check. */
export function gradeDirective(state: SandboxState, check: DirectiveCheck): CheckOutcome {
  const doc = state.documents.find(
    (d): d is IncomingDocument => d.direction === 'incoming' && d.key === check.document,
  );
  if (!doc) return { passed: false, explanation: 'Không tìm thấy văn bản đến' };
  const d = doc.directive;
  if (!d) return { passed: false, explanation: `Chưa đạt: văn bản ${doc.numberSymbol} chưa được bút phê` };
  const missing: string[] = [];
  if (check.requireForwarded !== false && doc.status === 'cho_xu_ly')
    missing.push('văn bản chưa được chuyển xử lý');
  if (check.lead !== undefined && d.lead !== check.lead) {
    missing.push(`chủ trì là ${nameOf(state, d.lead)}, yêu cầu ${nameOf(state, check.lead)}`);
  }
  if (check.cooperating !== undefined) {
    const want = new Set(check.cooperating);
    const got = new Set(d.cooperating);
    const includes = [...want].every((k) => got.has(k));
    const ok = check.cooperatingMode === 'includes' ? includes : includes && got.size === want.size;
    if (!ok)
      missing.push(`phối hợp là ${names(state, d.cooperating)}, yêu cầu ${names(state, check.cooperating)}`);
  }
  const { on, onOrBefore } = check.deadline ?? {};
  if (on !== undefined && d.deadline !== on) {
    missing.push(`hạn xử lý ${formatDateVn(d.deadline)}, yêu cầu ${formatDateVn(on)}`);
  }
  if (onOrBefore !== undefined && d.deadline > onOrBefore) {
    missing.push(`hạn xử lý ${formatDateVn(d.deadline)} muộn hơn ${formatDateVn(onOrBefore)}`);
  }
  if (check.requireText !== false && !d.text.trim()) missing.push('chưa ghi ý kiến chỉ đạo');
  for (const t of check.textContains ?? []) {
    if (!foldVietnamese(d.text).includes(foldVietnamese(t))) missing.push(`ý kiến chỉ đạo không có “${t}”`);
  }
  if (missing.length > 0) return { passed: false, explanation: `Chưa đạt: ${missing.join('; ')}` };
  return {
    passed: true,
    explanation: `Đạt: chủ trì ${nameOf(state, d.lead)}, phối hợp ${names(state, d.cooperating)}, hạn ${formatDateVn(d.deadline)}`,
  };
}

function outgoingDoc(state: SandboxState, key: string): OutgoingDocument | undefined {
  return state.documents.find((d): d is OutgoingDocument => d.direction === 'outgoing' && d.key === key);
}

/** The document's final PDF carries a valid signature of the candidate's exam certificate. */
export function gradeSigned(
  state: SandboxState,
  check: SignedCheck,
  results: SignatureResults,
): CheckOutcome {
  const doc = outgoingDoc(state, check.document);
  const label = doc ? `“${doc.subject}”` : check.document;
  const sigs = results[check.document] ?? [];
  if (sigs.some((s) => s.valid && s.byCandidate && s.inWindow !== false)) {
    return { passed: true, explanation: `Đạt: văn bản ${label} có chữ ký số hợp lệ của thí sinh` };
  }
  const mine = sigs.filter((s) => s.byCandidate);
  let why = 'văn bản chưa được ký số';
  if (mine.some((s) => s.valid)) why = 'chữ ký số nằm ngoài thời gian làm bài';
  else if (mine.length > 0) why = 'chữ ký số của thí sinh không hợp lệ';
  else if (sigs.length > 0) why = 'văn bản không có chữ ký số bằng chứng thư số của thí sinh';
  return { passed: false, explanation: `Chưa đạt: ${label} — ${why}` };
}

/** The draft was issued with a number of the agency's series, the right symbol, unique in the year. */
export function gradeIssued(state: SandboxState, check: IssuedCheck): CheckOutcome {
  const doc = outgoingDoc(state, check.document);
  if (!doc) return { passed: false, explanation: 'Không tìm thấy văn bản đi' };
  if (doc.status !== 'da_phat_hanh' || !doc.numberSymbol || !doc.issuedDate) {
    return {
      passed: false,
      explanation: `Chưa đạt: văn bản “${doc.subject}” chưa được chuyển văn thư phát hành`,
    };
  }
  const missing = checkNumberSymbol(doc.numberSymbol, {
    type: doc.type,
    agency: doc.agencyAbbreviation,
    ...(doc.unitAbbreviation ? { unit: doc.unitAbbreviation } : {}),
  });
  const parsed = parseNumberSymbol(doc.numberSymbol);
  if (check.notation !== undefined && parsed?.notation !== check.notation) {
    missing.push(`ký hiệu phải là ${check.notation}`);
  }
  const series = seriesOf(state.register, doc.agencyAbbreviation, Number(doc.issuedDate.slice(0, 4)));
  if (!series.issued.includes(doc.numberSymbol) || (parsed && parsed.codeNumber > series.last)) {
    missing.push('số không có trong sổ đăng ký văn bản đi của năm');
  }
  const same = state.documents.filter(
    (d) =>
      d.direction === 'outgoing' &&
      d.numberSymbol === doc.numberSymbol &&
      d.issuedDate?.slice(0, 4) === doc.issuedDate!.slice(0, 4),
  );
  if (same.length > 1) missing.push(`số ${doc.numberSymbol} bị trùng trong năm`);
  if (check.delivered) {
    for (const key of doc.recipients) {
      const entry = state.directory.find((e) => e.key === key);
      const got = state.mails.some(
        (m) =>
          m.documentId === doc.id && entry && normaliseAddress(m.owner) === normaliseAddress(entry.email),
      );
      if (!got) missing.push(`${nameOf(state, key)} chưa nhận được văn bản`);
    }
  }
  if (missing.length > 0) return { passed: false, explanation: `Chưa đạt: ${missing.join('; ')}` };
  return {
    passed: true,
    explanation: `Đạt: phát hành số ${doc.numberSymbol} ngày ${formatDateVn(doc.issuedDate)}`,
  };
}

/** Folds an answer for comparison: no case, no diacritics, no punctuation around words. */
function foldAnswer(text: string): string {
  return foldVietnamese(text.replace(/[.,;:!?"“”'()]/g, ' '));
}

/** The candidate's answer is one of the accepted options or texts. */
export function gradeQuestion(state: SandboxState, check: QuestionCheck): CheckOutcome {
  const answer = state.answers.find((a) => a.question === check.question);
  if (!answer) return { passed: false, explanation: 'Chưa trả lời câu hỏi' };
  const byOption = answer.option !== undefined && (check.acceptOptions ?? []).includes(answer.option);
  const byText =
    answer.text !== undefined &&
    (check.acceptTexts ?? []).some((t) => foldAnswer(t) === foldAnswer(answer.text!));
  if (byOption || byText) return { passed: true, explanation: 'Đạt: trả lời đúng' };
  const question = state.questions.find((q) => q.key === check.question);
  const shown = answer.option
    ? (question?.options?.find((o) => o.code === answer.option)?.text ?? answer.option)
    : answer.text;
  return { passed: false, explanation: `Chưa đạt: câu trả lời “${shown}” chưa đúng` };
}
