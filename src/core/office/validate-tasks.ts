import { roundPoints } from '../exam/points';
import { isIsoDate } from '../shared/dates';
import { CHECK_KINDS, type TaskCheck } from './checks';
import { isEmail } from './helpers';
import { buildNotation } from './numbering';
import type { Scenario } from './scenario';
import { type AddProblem, checkKeys, list, text } from './validate-common';

const ID = /^[a-z0-9][a-z0-9_.-]{0,59}$/;
const positive = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0;

function checkQuestions(s: Scenario, add: AddProblem): void {
  checkKeys(list(s.questions), 'questions', add);
  list(s.questions).forEach((q, i) => {
    if (!text(q.prompt)) add(`questions.${i}.prompt`, 'Thiếu nội dung câu hỏi');
    if (q.options === undefined) return;
    if (list(q.options).length < 2)
      add(`questions.${i}.options`, 'Câu hỏi trắc nghiệm cần ít nhất hai phương án');
    const codes = new Set<string>();
    list(q.options).forEach((o, j) => {
      if (!text(o.code) || codes.has(o.code))
        add(`questions.${i}.options.${j}.code`, 'Mã phương án trống hoặc bị trùng');
      codes.add(o.code);
      if (!text(o.text)) add(`questions.${i}.options.${j}.text`, 'Thiếu nội dung phương án');
    });
  });
}

/** The references a check makes, checked against the scenario's keys. */
function checkReferences(s: Scenario, c: TaskCheck, at: string, add: AddProblem): void {
  const incoming = new Set(list(s.incoming).map((d) => d.key));
  const drafts = new Map(list(s.drafts).map((d) => [d.key, d]));
  const handlers = new Set([...list(s.actors?.units), ...list(s.actors?.people)].map((a) => a.key));
  const files = new Set(list(s.files).map((f) => f.key));
  const mails = new Map(list(s.mails).map((m) => [m.key, m]));
  const draft = (key: string) => {
    if (!drafts.has(key)) add(`${at}.document`, `Không có dự thảo văn bản đi “${key}” trong drafts`);
  };
  switch (c.kind) {
    case 'mail_sent': {
      const conditions = [c.to, c.cc, c.recipients, c.subjectContains, c.bodyContains, c.attachments];
      if (!conditions.some((x) => Array.isArray(x) && x.length > 0))
        add(at, 'Kiểm tra thư gửi cần ít nhất một điều kiện');
      for (const field of ['to', 'cc', 'recipients'] as const) {
        list(c[field]).forEach((addr, j) => {
          if (!isEmail(addr)) add(`${at}.${field}.${j}`, `Địa chỉ “${addr}” không hợp lệ`);
        });
      }
      list(c.attachments).forEach((x, j) => {
        if ('file' in x && !files.has(x.file))
          add(`${at}.attachments.${j}`, `Không có tệp “${x.file}” trong files`);
        if ('document' in x && !incoming.has(x.document) && !drafts.has(x.document)) {
          add(`${at}.attachments.${j}`, `Không có văn bản “${x.document}”`);
        }
      });
      return;
    }
    case 'directive_given':
      if (!incoming.has(c.document))
        add(`${at}.document`, `Không có văn bản đến “${c.document}” trong incoming`);
      if (c.lead !== undefined && !handlers.has(c.lead))
        add(`${at}.lead`, `Không có đơn vị, cá nhân “${c.lead}”`);
      list(c.cooperating).forEach((k, j) => {
        if (!handlers.has(k)) add(`${at}.cooperating.${j}`, `Không có đơn vị, cá nhân “${k}”`);
      });
      if (c.cooperatingMode !== undefined && !['exact', 'includes'].includes(c.cooperatingMode)) {
        add(`${at}.cooperatingMode`, 'Chỉ nhận “exact” hoặc “includes”');
      }
      for (const field of ['on', 'onOrBefore'] as const) {
        const d = c.deadline?.[field];
        if (d !== undefined && !isIsoDate(d)) add(`${at}.deadline.${field}`, 'Ngày phải có dạng YYYY-MM-DD');
      }
      return;
    case 'document_signed':
      draft(c.document);
      return;
    case 'document_issued': {
      draft(c.document);
      const d = drafts.get(c.document);
      if (!d || c.notation === undefined) return;
      try {
        const agency = d.agencyAbbreviation ?? s.candidate.agency.abbreviation;
        const built = buildNotation({
          type: d.type,
          agency,
          ...(d.unitAbbreviation ? { unit: d.unitAbbreviation } : {}),
        });
        if (built !== c.notation)
          add(`${at}.notation`, `Dự thảo sẽ được cấp ký hiệu “${built}”, không phải “${c.notation}”`);
      } catch {
        // The draft's own problem is reported under drafts.
      }
      return;
    }
    case 'question_answered': {
      const q = list(s.questions).find((x) => x.key === c.question);
      if (!q) {
        add(`${at}.question`, `Không có câu hỏi “${c.question}”`);
        return;
      }
      const options = list(c.acceptOptions);
      if (options.length + list(c.acceptTexts).length === 0) add(at, 'Cần ít nhất một đáp án được chấp nhận');
      options.forEach((o, j) => {
        if (!q.options?.some((x) => x.code === o))
          add(`${at}.acceptOptions.${j}`, `Câu hỏi không có phương án “${o}”`);
      });
      return;
    }
    case 'attachment_not_opened':
    case 'mail_reported': {
      const m = mails.get(c.mail);
      if (!m) add(`${at}.mail`, `Không có thư “${c.mail}” trong mails`);
      else if (c.kind === 'attachment_not_opened' && list(m.attachments).length === 0) {
        add(`${at}.mail`, `Thư “${c.mail}” không có tệp đính kèm`);
      }
    }
  }
}

/** Checks the questions and tasks of a scenario: ids, points adding up, and every key a check names. */
export function validateTasks(s: Scenario, add: AddProblem): void {
  checkQuestions(s, add);
  const ids = new Set<string>();
  let total = 0;
  list(s.tasks).forEach((t, i) => {
    const at = `tasks.${i}`;
    if (typeof t.id !== 'string' || !ID.test(t.id))
      add(`${at}.id`, 'Mã nhiệm vụ gồm chữ thường, chữ số, “-”, “_”, “.”');
    else if (ids.has(t.id)) add(`${at}.id`, `Mã nhiệm vụ “${t.id}” bị trùng`);
    else ids.add(t.id);
    if (!text(t.title)) add(`${at}.title`, 'Thiếu tên nhiệm vụ');
    if (!text(t.instruction)) add(`${at}.instruction`, 'Thiếu yêu cầu của nhiệm vụ');
    if (!positive(t.points)) add(`${at}.points`, 'Điểm nhiệm vụ phải là số dương');
    else total += t.points;
    const checks = list(t.checks);
    if (checks.length === 0) add(`${at}.checks`, 'Nhiệm vụ cần ít nhất một tiêu chí chấm');
    const checkIds = new Set<string>();
    let sum = 0;
    checks.forEach((c, j) => {
      const cp = `${at}.checks.${j}`;
      if (typeof c.id !== 'string' || !ID.test(c.id) || checkIds.has(c.id))
        add(`${cp}.id`, 'Mã tiêu chí trống, sai dạng hoặc bị trùng');
      checkIds.add(c.id);
      if (!text(c.label)) add(`${cp}.label`, 'Thiếu mô tả tiêu chí');
      if (!positive(c.points)) add(`${cp}.points`, 'Điểm tiêu chí phải là số dương');
      else sum += c.points;
      if (!CHECK_KINDS.includes(c.kind))
        add(`${cp}.kind`, `Loại tiêu chí “${String(c.kind)}” không được hỗ trợ`);
      else checkReferences(s, c, cp, add);
    });
    if (positive(t.points) && checks.length > 0 && roundPoints(sum) !== roundPoints(t.points)) {
      add(`${at}.points`, `Tổng điểm các tiêu chí (${roundPoints(sum)}) khác điểm nhiệm vụ (${t.points})`);
    }
  });
  if (typeof s.totalPoints === 'number' && roundPoints(total) !== roundPoints(s.totalPoints)) {
    add(
      'totalPoints',
      `Tổng điểm các nhiệm vụ (${roundPoints(total)}) khác tổng điểm của đề (${s.totalPoints})`,
    );
  }
}
