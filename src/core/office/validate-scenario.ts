import { isIsoDate } from '../shared/dates';
import { isDateTime, isEmail, normaliseAddress } from './helpers';
import { buildNotation, isDocumentType, parseNumberSymbol } from './numbering';
import { CANDIDATE_KEY, HISTORY_ACTIONS, INCOMING_STATUSES, type Scenario, URGENCIES } from './scenario';
import { type AddProblem, checkKeys, list, text } from './validate-common';
import { validateTasks } from './validate-tasks';

export interface ScenarioProblem {
  /** Path of the offending value: "tasks.2.checks.0.document". */
  path: string;
  message: string;
}

const CODE = /^[a-z0-9][a-z0-9-]{1,59}$/;
const ABBREVIATION = /^[A-Za-zĐđ0-9]{1,15}$/;

function checkActors(s: Scenario, add: AddProblem): void {
  const a = s.actors ?? ({} as Scenario['actors']);
  const groups = [
    ['actors.clerk', a.clerk ? [a.clerk] : []],
    ['actors.units', list(a.units)],
    ['actors.people', list(a.people)],
    ['actors.agencies', list(a.agencies)],
  ] as const;
  if (!a.clerk) add('actors.clerk', 'Thiếu văn thư của cơ quan');
  const keys = new Set<string>();
  const emails = new Set<string>();
  for (const [path, items] of groups) {
    checkKeys(items, path, add, keys);
    items.forEach((actor, i) => {
      const at = path === 'actors.clerk' ? path : `${path}.${i}`;
      if (!text(actor.name)) add(`${at}.name`, 'Thiếu tên');
      if (!isEmail(actor.email)) add(`${at}.email`, `Địa chỉ thư “${String(actor.email)}” không hợp lệ`);
      else if (emails.has(normaliseAddress(actor.email)))
        add(`${at}.email`, `Địa chỉ thư “${actor.email}” bị trùng`);
      else emails.add(normaliseAddress(actor.email));
    });
  }
  list(a.agencies).forEach((ag, i) => {
    if (!ABBREVIATION.test(ag.abbreviation ?? ''))
      add(`actors.agencies.${i}.abbreviation`, 'Thiếu chữ viết tắt của cơ quan');
  });
  const unitKeys = new Set(list(a.units).map((u) => u.key));
  list(a.people).forEach((p, i) => {
    if (!text(p.position)) add(`actors.people.${i}.position`, 'Thiếu chức vụ');
    if (p.unit !== undefined && !unitKeys.has(p.unit))
      add(`actors.people.${i}.unit`, `Không có đơn vị “${p.unit}”`);
  });
}

function checkMails(s: Scenario, add: AddProblem): void {
  const files = new Set(list(s.files).map((f) => f.key));
  checkKeys(list(s.files), 'files', add);
  list(s.files).forEach((f, i) => {
    if (!text(f.fileName)) add(`files.${i}.fileName`, 'Thiếu tên tệp');
    if (!text(f.mediaType)) add(`files.${i}.mediaType`, 'Thiếu kiểu tệp (media type)');
    if (typeof f.body !== 'string') add(`files.${i}.body`, 'Thiếu nội dung tệp');
  });
  checkKeys(list(s.mails), 'mails', add);
  list(s.mails).forEach((m, i) => {
    if (!isEmail(m.from?.email) || !text(m.from?.name))
      add(`mails.${i}.from`, 'Người gửi cần tên và địa chỉ thư hợp lệ');
    for (const field of ['to', 'cc'] as const) {
      list(m[field]).forEach((addr, j) => {
        if (addr !== CANDIDATE_KEY && !isEmail(addr))
          add(`mails.${i}.${field}.${j}`, `Địa chỉ “${addr}” không hợp lệ`);
      });
    }
    if (!text(m.subject)) add(`mails.${i}.subject`, 'Thiếu tiêu đề thư');
    if (typeof m.body !== 'string') add(`mails.${i}.body`, 'Thiếu nội dung thư');
    if (!isDateTime(m.sentAt))
      add(`mails.${i}.sentAt`, 'Thời điểm gửi phải có dạng 2022-09-14T08:15:00+07:00');
    list(m.attachments).forEach((k, j) => {
      if (!files.has(k)) add(`mails.${i}.attachments.${j}`, `Không có tệp “${k}” trong files`);
    });
  });
}

function checkDocuments(s: Scenario, add: AddProblem): void {
  const docKeys = checkKeys(list(s.incoming), 'incoming', add);
  checkKeys(list(s.drafts), 'drafts', add, docKeys);
  const a = s.actors ?? ({} as Scenario['actors']);
  const agencies = new Set(list(a.agencies).map((x) => x.key));
  const actors = new Set([
    CANDIDATE_KEY,
    a.clerk?.key,
    ...[a.units, a.people, a.agencies].flatMap((g) => list(g).map((x) => x.key)),
  ]);
  const arrivals = new Set<number>();
  list(s.incoming).forEach((d, i) => {
    const at = `incoming.${i}`;
    if (!isDocumentType(d.type))
      add(`${at}.type`, `Loại văn bản “${String(d.type)}” không có trong Nghị định 30/2020`);
    if (!parseNumberSymbol(d.numberSymbol ?? ''))
      add(`${at}.numberSymbol`, 'Số, ký hiệu phải có dạng 2150/STTTT-BCVT');
    if (!isIsoDate(d.issuedDate ?? '')) add(`${at}.issuedDate`, 'Ngày ban hành phải có dạng YYYY-MM-DD');
    if (!agencies.has(d.issuer))
      add(`${at}.issuer`, `Không có cơ quan ban hành “${d.issuer}” trong actors.agencies`);
    if (!text(d.subject)) add(`${at}.subject`, 'Thiếu trích yếu');
    if (!text(d.body)) add(`${at}.body`, 'Thiếu nội dung văn bản');
    if (!Number.isInteger(d.arrivalNumber) || d.arrivalNumber < 1)
      add(`${at}.arrivalNumber`, 'Số đến phải là số nguyên dương');
    else if (arrivals.has(d.arrivalNumber)) add(`${at}.arrivalNumber`, `Số đến ${d.arrivalNumber} bị trùng`);
    else arrivals.add(d.arrivalNumber);
    if (!isIsoDate(d.arrivalDate ?? '')) add(`${at}.arrivalDate`, 'Ngày đến phải có dạng YYYY-MM-DD');
    else if (d.arrivalDate < d.issuedDate)
      add(`${at}.arrivalDate`, 'Ngày đến không được trước ngày ban hành');
    if (d.urgency !== undefined && !URGENCIES.includes(d.urgency))
      add(`${at}.urgency`, 'Độ khẩn không hợp lệ');
    const p = d.progress;
    if (!p) return;
    if (!INCOMING_STATUSES.includes(p.status)) add(`${at}.progress.status`, 'Trạng thái xử lý không hợp lệ');
    if (!actors.has(p.holder)) add(`${at}.progress.holder`, `Không có “${p.holder}” trong danh sách`);
    if (p.dueDate !== undefined && !isIsoDate(p.dueDate))
      add(`${at}.progress.dueDate`, 'Hạn xử lý phải có dạng YYYY-MM-DD');
    list(p.history).forEach((h, j) => {
      const hp = `${at}.progress.history.${j}`;
      if (!isDateTime(h.at)) add(`${hp}.at`, 'Thời điểm phải có dạng 2023-06-05T08:00:00+07:00');
      if (!actors.has(h.actor)) add(`${hp}.actor`, `Không có “${h.actor}” trong danh sách`);
      if (!HISTORY_ACTIONS.includes(h.action))
        add(`${hp}.action`, `Thao tác “${String(h.action)}” không hợp lệ`);
      list(h.to).forEach((k, n) => {
        if (!actors.has(k)) add(`${hp}.to.${n}`, `Không có “${k}” trong danh sách`);
      });
    });
  });
  list(s.drafts).forEach((d, i) => {
    const at = `drafts.${i}`;
    if (!isDocumentType(d.type))
      add(`${at}.type`, `Loại văn bản “${String(d.type)}” không có trong Nghị định 30/2020`);
    else {
      try {
        const agency = d.agencyAbbreviation ?? s.candidate?.agency?.abbreviation ?? '';
        buildNotation({ type: d.type, agency, ...(d.unitAbbreviation ? { unit: d.unitAbbreviation } : {}) });
      } catch (e) {
        add(
          d.type === 'cong_van' ? `${at}.unitAbbreviation` : `${at}.agencyAbbreviation`,
          (e as Error).message,
        );
      }
    }
    if (!text(d.subject)) add(`${at}.subject`, 'Thiếu trích yếu');
    if (!text(d.body)) add(`${at}.body`, 'Thiếu nội dung dự thảo');
    if (list(d.recipients).length === 0) add(`${at}.recipients`, 'Dự thảo cần ít nhất một nơi nhận');
    list(d.recipients).forEach((k, j) => {
      if (!actors.has(k) || k === CANDIDATE_KEY)
        add(`${at}.recipients.${j}`, `Không có nơi nhận “${k}” trong danh sách`);
    });
    if (d.drafter !== undefined && !actors.has(d.drafter))
      add(`${at}.drafter`, `Không có “${d.drafter}” trong danh sách`);
  });
}

/** Checks a scenario document as a whole; returns every problem in Vietnamese with its path (empty = valid). */
export function validateScenario(s: Scenario): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  const add: AddProblem = (path, message) => problems.push({ path, message });
  if (s.formatVersion !== 1) add('formatVersion', 'Phiên bản định dạng phải là 1');
  if (typeof s.code !== 'string' || !CODE.test(s.code))
    add('code', 'Mã đề gồm chữ thường, chữ số và “-” (2–60 ký tự)');
  if (!text(s.name)) add('name', 'Thiếu tên đề');
  if (!Number.isInteger(s.year) || s.year < 2000 || s.year > 2100) add('year', 'Năm phải từ 2000 đến 2100');
  if (typeof s.totalPoints !== 'number' || !(s.totalPoints > 0))
    add('totalPoints', 'Tổng điểm phải là số dương');
  for (const key of ['files', 'mails', 'incoming', 'drafts', 'questions', 'tasks'] as const) {
    if (!Array.isArray(s[key])) add(key, 'Phải là một danh sách (có thể rỗng)');
  }
  const agency = s.candidate?.agency;
  if (!text(s.candidate?.position)) add('candidate.position', 'Thiếu chức vụ của thí sinh');
  if (!text(agency?.name)) add('candidate.agency.name', 'Thiếu tên cơ quan của thí sinh');
  if (!ABBREVIATION.test(agency?.abbreviation ?? ''))
    add('candidate.agency.abbreviation', 'Chữ viết tắt của cơ quan chỉ gồm chữ cái và chữ số');
  if (!text(agency?.place)) add('candidate.agency.place', 'Thiếu địa danh');
  const last = agency?.lastOutgoingNumber;
  if (last !== undefined && (!Number.isInteger(last) || last < 0)) {
    add('candidate.agency.lastOutgoingNumber', 'Số văn bản đi cuối cùng phải là số nguyên không âm');
  }
  checkActors(s, add);
  checkMails(s, add);
  checkDocuments(s, add);
  validateTasks(s, add);
  return problems;
}
