/** Escapes text for HTML content and attribute values (every string of a page goes through it). */
export function esc(value: unknown): string {
  return String(value ?? '').replace(
    /[&<>"'`]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' })[c]!,
  );
}

/** A tagged template whose interpolations are escaped, except `raw(...)` pieces. */
export interface Raw {
  readonly __html: string;
}
export const raw = (html: string): Raw => ({ __html: html });

export function html(strings: TemplateStringsArray, ...values: unknown[]): Raw {
  let out = strings[0]!;
  values.forEach((v, i) => {
    out += piece(v) + strings[i + 1]!;
  });
  return raw(out);
}

function piece(v: unknown): string {
  if (Array.isArray(v)) return v.map(piece).join('');
  if (v && typeof v === 'object' && '__html' in v) return (v as Raw).__html;
  if (v === null || v === undefined || v === false) return '';
  return esc(v);
}

const fixed = (digits: number) =>
  new Intl.NumberFormat('vi-VN', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const VALUE = fixed(4);
const POINTS = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

/** A 0–1 index value as the national ranking shows it: four decimals, vi-VN ("0,8002"); "–" for none. */
export const formatValue = (v: number | null | undefined): string =>
  v === null || v === undefined ? '–' : VALUE.format(v);

/** Points with up to two decimals, vi-VN ("823,45", "1.000"). */
export const formatPoints = (v: number | null | undefined): string =>
  v === null || v === undefined ? '–' : POINTS.format(v);

/** dd/mm/yyyy in Vietnam's time. */
export function formatDate(iso: string): string {
  const vn = new Date(new Date(iso).getTime() + 7 * 3600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(vn.getUTCDate())}/${p(vn.getUTCMonth() + 1)}/${vn.getUTCFullYear()}`;
}

export const LEVEL_NAMES: Record<string, string> = {
  so: 'Cấp sở, ban, ngành',
  huyen: 'Cấp quận, huyện',
  xa: 'Cấp xã, phường',
};

const CSS = `
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;color:#1f2933;background:#f5f7fa}
a{color:#0b5cad}
header.top{background:#0b4f8a;color:#fff;padding:12px 16px}
header.top a{color:#fff;text-decoration:none;font-weight:600}
main{max-width:1200px;margin:0 auto;padding:16px}
h1{font-size:1.35rem;margin:0 0 4px}
h2{font-size:1.1rem;margin:20px 0 8px}
.muted{color:#52606d;font-size:.9rem}
nav.tabs{display:flex;flex-wrap:wrap;gap:6px;margin:12px 0}
nav.tabs a{padding:6px 12px;border:1px solid #c5d0dc;border-radius:16px;background:#fff;text-decoration:none;color:#1f2933;font-size:.9rem}
nav.tabs a[aria-current=page]{background:#0b5cad;border-color:#0b5cad;color:#fff}
.scroll{overflow-x:auto;-webkit-overflow-scrolling:touch;background:#fff;border:1px solid #dde3ea;border-radius:6px}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{padding:6px 8px;border-bottom:1px solid #e4e9ef;text-align:left;vertical-align:top}
th{background:#eef2f6;font-weight:600;white-space:nowrap}
td.num,th.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
tbody tr:nth-child(even){background:#fafbfc}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:10px;margin:12px 0}
.card{background:#fff;border:1px solid #dde3ea;border-radius:6px;padding:10px 12px}
.card b{display:block;font-size:1.4rem}
footer{max-width:1200px;margin:0 auto;padding:16px;color:#52606d;font-size:.85rem}
@media (max-width:600px){main{padding:10px}h1{font-size:1.15rem}th,td{padding:5px 6px}.hide-sm{display:none}}
`;

export interface PageMeta {
  title: string;
  description: string;
  /** Absolute address of the page, for sharing (og:url, canonical). */
  url: string;
}

/** The whole document: Vietnamese, phone-friendly, sharing metadata, inline style, no script. */
export function page(meta: PageMeta, body: Raw): string {
  return `<!doctype html>${
    html`<html lang="vi"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${meta.title}</title>
<meta name="description" content="${meta.description}">
<link rel="canonical" href="${meta.url}">
<meta property="og:type" content="website">
<meta property="og:locale" content="vi_VN">
<meta property="og:site_name" content="Thước Đo">
<meta property="og:title" content="${meta.title}">
<meta property="og:description" content="${meta.description}">
<meta property="og:url" content="${meta.url}">
<meta name="twitter:card" content="summary">
<style>${raw(CSS)}</style></head>
<body><header class="top"><a href="/cong-khai/dti">Thước Đo · Kết quả chuyển đổi số công khai</a></header>
<main>${body}</main>
<footer>Số liệu trên trang là kết quả đã được công bố chính thức; mọi đính chính được công bố thành phiên bản mới.</footer>
</body></html>`.__html
  }`;
}
