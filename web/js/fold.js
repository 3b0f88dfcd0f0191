// Folding text for matching what people type against labels: case, Latin accents and Arabic
// spelling variants (harakat, tatweel, hamza seats, ة/ه, ى/ي) do not matter.

const ARABIC = [[/[\u064B-\u065F\u0670\u0640]/g, ''], [/[أإآٱ]/g, 'ا'], [/ة/g, 'ه'], [/ى/g, 'ي'],
  [/ؤ/g, 'و'], [/ئ/g, 'ي']];

/** `s` folded: lower case, without accents, Arabic normalised. */
export function fold(s) {
  let out = String(s).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  for (const [re, to] of ARABIC) out = out.replace(re, to);
  return out.normalize('NFC');
}

/** True when every word of `typed` starts a word of one of `texts` (folded). */
export function matches(typed, texts) {
  const words = fold(typed).split(/\s+/).filter(Boolean);
  const hay = texts.map((x) => fold(x ?? '').split(/[\s'’\-(),.]+/)).flat();
  return words.every((w) => hay.some((x) => x.startsWith(w)));
}
