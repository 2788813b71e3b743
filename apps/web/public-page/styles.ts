/**
 * The public page's whole stylesheet, served from our own origin as one
 * immutable file (stylesheet.ts): no web fonts, no CDN, nothing from a third
 * party. `--brand`, `--brand-ink` and `--on-brand` are set inline per page
 * from the share's (validated) white label.
 */
export const PUBLIC_PAGE_CSS = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;color-scheme:light}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;font-size:15px;line-height:1.5;color:#111827;background:#F4F5F7}
.topbar{background:#FFFFFF;border-bottom:1px solid #E5E7EB;border-top:4px solid var(--brand)}
.wrap{max-width:1040px;margin:0 auto;padding:0 20px}
.topbar .wrap{display:flex;align-items:center;gap:12px;min-height:64px;padding-top:10px;padding-bottom:10px}
.logo{height:36px;width:auto;max-width:160px;object-fit:contain;display:block}
.monogram{width:36px;height:36px;border-radius:8px;background:var(--brand);color:var(--on-brand);display:flex;align-items:center;justify-content:center;font-weight:700;font-size:17px;flex:none}
.company{font-weight:650;font-size:17px;letter-spacing:-0.01em;overflow-wrap:anywhere}
.badge{margin-left:auto;font-size:12px;font-weight:600;color:#4B5563;background:#F3F4F6;border:1px solid #E5E7EB;border-radius:999px;padding:3px 10px;white-space:nowrap}
main{padding:28px 0 40px}
.hero{margin-bottom:24px}
.eyebrow{margin:0 0 6px;font-size:12px;font-weight:650;letter-spacing:.06em;text-transform:uppercase;color:var(--brand-ink)}
h1{margin:0 0 8px;font-size:30px;line-height:1.2;letter-spacing:-0.02em;overflow-wrap:anywhere}
.meta{margin:0;color:#4B5563;font-size:14px;display:flex;flex-wrap:wrap;gap:4px 18px}
.stats{display:grid;grid-template-columns:repeat(auto-fit,minmax(180px,1fr));gap:12px;margin:0 0 20px;padding:0;list-style:none}
.stat{background:#FFFFFF;border:1px solid #E5E7EB;border-radius:12px;padding:16px 18px}
.stat-label{font-size:13px;color:#4B5563;margin:0}
.stat-value{font-size:28px;font-weight:700;letter-spacing:-0.02em;margin:2px 0 0;font-variant-numeric:tabular-nums}
.stat-value.accent{color:var(--brand-ink)}
.stat-note{font-size:12px;color:#6B7280;margin:0}
.grid{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:16px;margin-bottom:16px}
.grid.single{grid-template-columns:minmax(0,1fr)}
.card{background:#FFFFFF;border:1px solid #E5E7EB;border-radius:12px;padding:20px;min-width:0}
.card h2{margin:0 0 4px;font-size:16px;letter-spacing:-0.01em}
.card .sub{margin:0 0 16px;color:#6B7280;font-size:13px}
.bars{list-style:none;margin:0;padding:0;display:grid;gap:12px}
.bar-row{display:grid;grid-template-columns:minmax(80px,140px) minmax(0,1fr) 92px;align-items:center;gap:12px}
.bar-label{font-weight:600;font-size:14px;overflow-wrap:anywhere}
.bar-svg{display:block;width:100%;height:12px;border-radius:6px;overflow:hidden;background:#EEF0F3}
.minor{margin:20px 0 8px;font-size:13px;font-weight:600;color:#4B5563}
.positions{display:flex;flex-wrap:wrap;gap:8px;margin:0}
.positions div{border:1px solid #E5E7EB;border-radius:8px;padding:6px 12px;display:flex;gap:8px;align-items:baseline}
.positions dt{font-size:13px;color:#4B5563}
.positions dd{margin:0;font-weight:700;font-variant-numeric:tabular-nums}
.bar-fill{fill:var(--brand)}
.bar-value{text-align:right;font-variant-numeric:tabular-nums;font-size:14px;white-space:nowrap}
.trend{container-type:inline-size}
.trend-svg{display:block;width:100%;height:auto}
.trend-compact{display:none}
@container (max-width:400px){.trend-wide{display:none}.trend-compact{display:block}}
.bars{container-type:inline-size}
@container (max-width:420px){.bar-row{grid-template-columns:minmax(0,1fr) auto;gap:6px 12px}.bar-svg{grid-column:1 / -1;grid-row:2}}
.gridline{stroke:#E5E7EB;stroke-width:1}
.axis{fill:#6B7280;font-size:12px;font-family:inherit}
.trend-line{fill:none;stroke:var(--brand-ink);stroke-width:2.5;stroke-linejoin:round;stroke-linecap:round}
.trend-area{fill:var(--brand);fill-opacity:.12;stroke:none}
.trend-dot{fill:#FFFFFF;stroke:var(--brand-ink);stroke-width:2.5}
.trend-value{fill:var(--brand-ink);font-size:13px;font-weight:700;font-family:inherit}
.sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
.matrix-wrap{overflow-x:auto;-webkit-overflow-scrolling:touch}
.matrix{width:100%;border-collapse:separate;border-spacing:4px;font-size:14px;margin:0 -4px}
.matrix thead th{font-size:12px;font-weight:650;color:#4B5563;text-transform:uppercase;letter-spacing:.04em;padding:6px 8px;white-space:nowrap;text-align:center}
.matrix thead th:first-child{text-align:left;padding-left:0}
.matrix-prompt{text-align:left;font-weight:600;min-width:180px;padding:8px 12px 8px 0;overflow-wrap:anywhere;vertical-align:middle}
.cell{text-align:center;vertical-align:middle;border-radius:8px;padding:8px 6px;min-width:88px;background:#EEF0F3;color:#111827}
.cell-main{display:block;font-weight:700;font-variant-numeric:tabular-nums}
.cell-sub{display:block;font-size:11px;font-weight:600;opacity:.85}
.cell.cell-not-mentioned{background:#F9FAFB;color:#6B7280;box-shadow:inset 0 0 0 1px #E5E7EB}
.cell-not-mentioned .cell-main{font-weight:500;font-size:12px}
.cell.cell-no-answer{background:none;color:#9CA3AF}
.cell.sent-positive{background:#DCFCE7;color:#166534}
.cell.sent-neutral{background:#E5E7EB;color:#374151}
.cell.sent-negative{background:#FEE2E2;color:#991B1B}
.matrix-legend{display:flex;flex-wrap:wrap;gap:6px 16px;margin:12px 0 0;font-size:12px;color:#4B5563}
.key::before{content:"";display:inline-block;width:10px;height:10px;border-radius:3px;margin-right:6px;vertical-align:-1px;background:#EEF0F3}
.key.sent-positive::before{background:#DCFCE7;box-shadow:inset 0 0 0 1px #86EFAC}
.key.sent-neutral::before{background:#E5E7EB;box-shadow:inset 0 0 0 1px #D1D5DB}
.key.sent-negative::before{background:#FEE2E2;box-shadow:inset 0 0 0 1px #FCA5A5}
.key.cell-not-mentioned::before{background:#F9FAFB;box-shadow:inset 0 0 0 1px #E5E7EB}
.muted{color:#6B7280}
.small{font-size:13px}
.empty{margin:0;color:#6B7280;font-size:14px}
footer{border-top:1px solid #E5E7EB;background:#FFFFFF}
footer .wrap{display:flex;flex-wrap:wrap;justify-content:space-between;gap:8px 24px;padding-top:18px;padding-bottom:18px;font-size:13px;color:#4B5563}
.powered strong{color:#111827}
.status-page{min-height:100vh;display:flex;align-items:center;justify-content:center;padding:24px}
.status-card{background:#FFFFFF;border:1px solid #E5E7EB;border-radius:16px;padding:40px 32px;max-width:460px;width:100%;text-align:center}
.status-card svg{display:block;margin:0 auto 16px}
.status-card h1{font-size:24px}
.status-card p{color:#4B5563;margin:0 0 8px}
.status-code{font-size:12px;font-weight:650;letter-spacing:.08em;text-transform:uppercase;color:#6B7280;margin-bottom:10px}
@media (max-width:760px){
  .grid{grid-template-columns:minmax(0,1fr)}
}
@media (max-width:560px){
  .wrap{padding:0 16px}
  main{padding:20px 0 32px}
  h1{font-size:24px}
  .stats{grid-template-columns:repeat(2,minmax(0,1fr));gap:10px}
  .stat{padding:12px 14px}
  .stat-value{font-size:22px}
  .card{padding:16px}
  .badge{display:none}
  .matrix-wrap{overflow:visible}
  .matrix,.matrix tbody,.matrix tr{display:block;margin:0}
  .matrix thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
  .matrix tr{display:flex;flex-wrap:wrap;gap:6px;padding:12px 0;border-bottom:1px solid #F0F1F3}
  .matrix tr:last-child{border-bottom:none}
  .matrix-prompt{flex:1 1 100%;min-width:0;padding:0 0 2px}
  .cell{display:flex;flex-wrap:wrap;align-items:baseline;gap:0 6px;flex:1 1 calc(50% - 6px);min-width:0;text-align:left;padding:6px 10px;font-size:13px}
  .cell::before{content:attr(data-label);flex:1 1 100%;font-size:12px;font-weight:600}
  .cell-main,.cell-sub{display:inline}
}
@media print{body{background:#FFFFFF}.card,.stat{break-inside:avoid}}
`;
