import type { TSnapshotUnit } from '../../../contracts/cycles';
import { nodeValue } from '../../../core/scoring/compact';
import type { PublishedLevel, PublishedYear } from '../../results/public-page/published-year';
import { groupTitle, rankedNodes, unitRanks } from '../../results/public-page/rankings';
import { formatPoints, formatValue, html, LEVEL_NAMES, page } from './html';
import { publishedLine, yearPath } from './year-page';

/** The level and published row of a unit code in a year, or null. */
export function findUnit(y: PublishedYear, code: string): { pl: PublishedLevel; unit: TSnapshotUnit } | null {
  for (const pl of y.levels) {
    const unit = pl.model.units.find((u) => u.code === code && u.level === pl.level);
    if (unit) return { pl, unit };
  }
  return null;
}

function rankOf(pl: PublishedLevel, code: string | null, unitId: string): string {
  const ranks = unitRanks(pl).get(unitId);
  const r = code === null ? ranks?.total : ranks?.nodes[code];
  return r && r.rank !== null ? `${r.rank}/${r.of}` : '–';
}

/** A unit's published figures: its DTI, rank and band, then every pillar and main index with its rank. */
export function renderUnitPage(
  y: PublishedYear,
  pl: PublishedLevel,
  unit: TSnapshotUnit,
  baseUrl: string,
): string {
  const s = pl.model.scoreById.get(unit.unitId)!;
  const group = groupTitle(pl.framework, unit.groupNo);
  const levelName = LEVEL_NAMES[pl.level] ?? pl.level;
  const rows = rankedNodes(pl.framework)
    .filter((n) => s.nodes[n.code])
    .map((n) => {
      const ns = s.nodes[n.code]!;
      const value = nodeValue(s, n.code);
      return html`<tr><td>${n.kind === 'pillar' ? html`<b>${n.code}</b>` : n.code}</td>
<td>${n.kind === 'pillar' ? html`<b>${n.name}</b>` : n.name}</td>
<td class="num">${value === null ? 'Không áp dụng' : formatValue(value)}</td>
<td class="num hide-sm">${value === null ? '–' : `${formatPoints(ns.points)} / ${formatPoints(ns.max)}`}</td>
<td class="num">${value === null ? '–' : rankOf(pl, n.code, unit.unitId)}</td></tr>`;
    });
  const body = html`<p class="muted"><a href="${yearPath(y.year, pl.level)}">Kết quả năm ${y.year} – ${levelName}</a></p>
<h1>${unit.name}</h1>
<p class="muted">Mã ${unit.code} · ${levelName}${group ? ` · ${group}` : ''}<br>${publishedLine(pl)}</p>
<div class="cards">
<div class="card">Chỉ số DTI năm ${y.year}<b>${formatValue(unit.final.value)}</b></div>
<div class="card">Xếp hạng<b>${rankOf(pl, null, unit.unitId)}</b></div>
<div class="card">Tổng điểm<b>${formatPoints(unit.final.points)}</b><span class="muted">trên ${formatPoints(unit.final.max)} điểm</span></div>
<div class="card">Xếp loại<b>${unit.band ?? '–'}</b></div>
</div>
<h2>Kết quả theo trụ cột và chỉ số chính</h2>
<div class="scroll"><table aria-label="Kết quả theo trụ cột và chỉ số chính">
<thead><tr><th>Mã</th><th>Chỉ số</th><th class="num">Giá trị</th><th class="num hide-sm">Điểm</th><th class="num">Hạng</th></tr></thead>
<tbody>${rows}</tbody></table></div>
<p class="muted">Giá trị từ 0 đến 1, làm tròn 4 chữ số thập phân; hạng xếp trong ${group ?? levelName.toLowerCase()}.</p>`;
  return page(
    {
      title: `${unit.name} – Kết quả DTI năm ${y.year}`,
      description: `${unit.name}: chỉ số chuyển đổi số (DTI) năm ${y.year} là ${formatValue(unit.final.value)}, xếp hạng ${rankOf(pl, null, unit.unitId)} ${levelName.toLowerCase()}.`,
      url: `${baseUrl}/cong-khai/dti/${y.year}/${encodeURIComponent(unit.code)}`,
    },
    body,
  );
}
