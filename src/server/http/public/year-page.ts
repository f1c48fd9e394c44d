import type { LeagueTable } from '../../../core/results/league';
import { nodeValue } from '../../../core/scoring/compact';
import type { PublishedLevel, PublishedYear } from '../../results/public-page/published-year';
import {
  DETAIL_TAB,
  groupTitle,
  levelTables,
  mainNodes,
  TOTAL_TAB,
  tabsOf,
} from '../../results/public-page/rankings';
import { formatDate, formatPoints, formatValue, html, LEVEL_NAMES, page, type Raw } from './html';

export const yearPath = (year: number, level?: string, tab?: string) => {
  const q = [level ? `cap=${level}` : '', tab && tab !== TOTAL_TAB ? `theo=${encodeURIComponent(tab)}` : '']
    .filter(Boolean)
    .join('&');
  return `/cong-khai/dti/${year}${q ? `?${q}` : ''}`;
};
export const unitPath = (year: number, code: string) => `/cong-khai/dti/${year}/${encodeURIComponent(code)}`;

/** "20/03/2026, phiên bản 2 (đính chính)". */
export function publishedLine(pl: PublishedLevel): Raw {
  const h = pl.head;
  return html`${h.cycleName} · công bố ngày ${formatDate(h.publishedAt)}${
    h.version > 1 ? ` · phiên bản ${h.version} (đính chính)` : ''
  }`;
}

function tabNav(label: string, items: { href: string; text: string; current: boolean }[]): Raw {
  return html`<nav class="tabs" aria-label="${label}">${items.map(
    (i) => html`<a href="${i.href}"${i.current ? html` aria-current="page"` : ''}>${i.text}</a>`,
  )}</nav>`;
}

function heading(pl: PublishedLevel, t: LeagueTable, many: boolean): Raw {
  const title = groupTitle(pl.framework, t.group);
  if (!title && !many) return html``;
  return html`<h2>${title ?? LEVEL_NAMES[pl.level]} <span class="muted">(${t.of} đơn vị xếp hạng)</span></h2>`;
}

function rankingTable(year: number, pl: PublishedLevel, key: string, label: string): Raw {
  const tables = levelTables(pl, key);
  const total = key === TOTAL_TAB;
  return html`${tables.map((t) => {
    const rows = t.rows.map((r) => {
      const u = pl.model.byId.get(r.unitId)!;
      return html`<tr><td class="num">${r.rank ?? '–'}</td><td class="hide-sm">${u.code}</td>
<td><a href="${unitPath(year, u.code)}">${u.name}</a></td><td class="num">${formatValue(r.value)}</td>
<td class="num hide-sm">${formatPoints(r.points)} / ${formatPoints(r.max)}</td>${
        total ? html`<td>${u.band ?? '–'}</td>` : ''
      }</tr>`;
    });
    return html`${heading(pl, t, tables.length > 1)}<div class="scroll"><table aria-label="Xếp hạng ${label}">
<thead><tr><th class="num">Hạng</th><th class="hide-sm">Mã</th><th>Đơn vị</th><th class="num">${
      total ? 'Chỉ số DTI' : 'Giá trị'
    }</th><th class="num hide-sm">Điểm</th>${total ? html`<th>Xếp loại</th>` : ''}</tr></thead>
<tbody>${rows}</tbody></table></div>`;
  })}`;
}

/** Every unit's DTI and main-index values to four decimals, ranked by the DTI (the national "chi tiết"). */
function detailTable(year: number, pl: PublishedLevel): Raw {
  const mains = mainNodes(pl.framework);
  const tables = levelTables(pl, TOTAL_TAB);
  return html`${tables.map((t) => {
    const rows = t.rows.map((r) => {
      const u = pl.model.byId.get(r.unitId)!;
      const s = pl.model.scoreById.get(r.unitId)!;
      return html`<tr><td class="num">${r.rank ?? '–'}</td><td><a href="${unitPath(year, u.code)}">${u.name}</a></td>
<td class="num">${formatValue(r.value)}</td>${mains.map((m) => html`<td class="num">${formatValue(nodeValue(s, m.code))}</td>`)}</tr>`;
    });
    return html`${heading(pl, t, tables.length > 1)}<div class="scroll"><table aria-label="Xếp hạng chi tiết">
<thead><tr><th class="num">Hạng</th><th>Đơn vị</th><th class="num">DTI</th>${mains.map(
      (m) => html`<th class="num" title="${m.name}">${m.code}</th>`,
    )}</tr></thead><tbody>${rows}</tbody></table></div>`;
  })}
<h2>Chỉ số chính</h2><ul class="muted">${mains.map((m) => html`<li><b>${m.code}</b>: ${m.name}</li>`)}</ul>`;
}

/** The public page of a year: one level, ranked by the DTI, a pillar, or the detailed table. */
export function renderYearPage(y: PublishedYear, pl: PublishedLevel, tab: string, baseUrl: string): string {
  const tabs = tabsOf(pl.framework);
  const current = tabs.find((t) => t.key === tab)!;
  const levelName = LEVEL_NAMES[pl.level] ?? pl.level;
  const units = pl.model.units.filter((u) => u.level === pl.level).length;
  const body = html`<p class="muted"><a href="/cong-khai/dti">Các năm đã công bố</a></p>
<h1>Kết quả đánh giá chuyển đổi số (DTI) năm ${y.year}</h1>
<p class="muted">${publishedLine(pl)}</p>
${tabNav(
  'Cấp đánh giá',
  y.levels.map((l) => ({
    href: yearPath(y.year, l.level),
    text: LEVEL_NAMES[l.level] ?? l.level,
    current: l.level === pl.level,
  })),
)}
${tabNav(
  'Xếp hạng theo',
  tabs.map((t) => ({ href: yearPath(y.year, pl.level, t.key), text: t.label, current: t.key === tab })),
)}
<p class="muted">${levelName}: ${units} đơn vị. Giá trị từ 0 đến 1, làm tròn 4 chữ số thập phân; xếp hạng trên giá trị chưa làm tròn, đơn vị bằng điểm cùng hạng.</p>
${tab === DETAIL_TAB ? detailTable(y.year, pl) : rankingTable(y.year, pl, tab, current.label)}`;
  const path = yearPath(y.year, pl.level, tab);
  return page(
    {
      title: `Kết quả DTI năm ${y.year} – ${levelName} – ${current.label}`,
      description: `Kết quả đánh giá chuyển đổi số năm ${y.year} đã công bố: ${levelName}, ${units} đơn vị, xếp hạng theo ${current.label.toLowerCase()}.`,
      url: baseUrl + path,
    },
    body,
  );
}
