import type { PublishedHead } from '../../results/public-page/published-year';
import { formatDate, html, page } from './html';
import { yearPath } from './year-page';

/** The list of published years, newest first, each cycle with its latest version. */
export function renderIndexPage(heads: PublishedHead[], baseUrl: string): string {
  const years = [...new Set(heads.map((h) => h.year))];
  const body = html`<h1>Kết quả đánh giá chuyển đổi số (DTI) đã công bố</h1>
<p class="muted">Kết quả chính thức theo từng năm: chỉ số DTI, các trụ cột và chỉ số chính của từng đơn vị.</p>
${
  years.length === 0
    ? html`<p>Chưa có kết quả nào được công bố.</p>`
    : html`<div class="scroll"><table aria-label="Các năm đã công bố kết quả">
<thead><tr><th>Năm</th><th>Kỳ đánh giá</th><th class="num">Số đơn vị</th><th>Ngày công bố</th></tr></thead>
<tbody>${heads.map(
        (h) => html`<tr><td><a href="${yearPath(h.year)}">Năm ${h.year}</a></td><td>${h.cycleName}</td>
<td class="num">${h.units}</td><td>${formatDate(h.publishedAt)}${h.version > 1 ? ` (phiên bản ${h.version})` : ''}</td></tr>`,
      )}</tbody></table></div>`
}`;
  return page(
    {
      title: 'Kết quả đánh giá chuyển đổi số (DTI) đã công bố',
      description: `Kết quả đánh giá chuyển đổi số đã công bố${years.length ? ` các năm ${years.join(', ')}` : ''}.`,
      url: `${baseUrl}/cong-khai/dti`,
    },
    body,
  );
}

/** The Vietnamese "not found" page (no year, unit or ranking of that name among the published ones). */
export function renderNotFound(message: string, baseUrl: string, path: string): string {
  return page(
    { title: 'Không tìm thấy kết quả – Thước Đo', description: message, url: baseUrl + path },
    html`<h1>Không tìm thấy kết quả</h1><p>${message}</p>
<p><a href="/cong-khai/dti">Xem các năm đã công bố kết quả</a></p>`,
  );
}
