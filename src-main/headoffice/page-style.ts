/** The look every head-office admin page shares (sync, reviews, reports); each page adds its own few rules. */
export const PAGE_STYLE = `
  body { font-family: "Noto Sans Arabic", "Noto Sans", sans-serif; margin: 0; background: #f4f6f5; color: #1d2b27; }
  header { background: #17695a; color: #fff; padding-block: 12px; padding-inline: 24px; }
  header a { color: #fff; margin-inline-end: 16px; }
  main { padding: 24px; display: grid; gap: 24px; max-inline-size: 1200px; }
  section { background: #fff; border-radius: 8px; padding: 16px 20px; box-shadow: 0 1px 2px rgba(0,0,0,.08); }
  h1 { font-size: 20px; margin: 0; } h2 { font-size: 17px; margin-block: 0 12px; }
  input, select, button { font: inherit; padding: 6px 10px; }
  button { background: #17695a; color: #fff; border: 0; border-radius: 4px; cursor: pointer; }
  table { border-collapse: collapse; inline-size: 100%; }
  th, td { border-block-end: 1px solid #e3e8e6; padding: 6px 8px; text-align: start; }
  .error { color: #b3261e; }`;
