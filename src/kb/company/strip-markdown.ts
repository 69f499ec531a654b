/**
 * Markdown to plain text for the knowledge base: the words stay, the syntax goes. Headings lose their
 * `#`, links keep their text, emphasis and code marks are dropped, bullets become "- ", table rows
 * become cells joined by " | ". Code blocks keep their content. Backslash escapes keep the character.
 *
 * @example stripMarkdown('## Refunds\n\nSee **the [policy](https://x.example/p)**.') // 'Refunds\n\nSee the policy.'
 */
export function stripMarkdown(markdown: string): string {
  const escapes: string[] = [];
  // Escaped characters are set aside so no rule below mistakes them for syntax.
  const text = markdown
    .replace(/\r\n?/g, '\n')
    .replace(/^---\n[\s\S]*?\n---\n/, '') // front matter
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!>~|<])/g, (_m, ch: string) => `\uE000${escapes.push(ch) - 1}\uE001`);

  const out: string[] = [];
  let fence: string | null = null;
  for (const line of text.split('\n')) {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker && (fence === null || marker.startsWith(fence))) {
      fence = fence === null ? marker : null;
      continue;
    }
    out.push(fence === null ? stripLine(line) : line);
  }
  return out.join('\n').replace(/\uE000(\d+)\uE001/g, (_m, i: string) => escapes[Number(i)] ?? '');
}

function stripLine(line: string): string {
  if (/^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(line)) return ''; // horizontal rule, setext underline
  if (/^\s{0,3}=+\s*$/.test(line)) return ''; // setext underline
  if (/^\s{0,3}\[[^\]]+\]:\s*\S+/.test(line)) return ''; // link reference definition
  if (/^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)+\|?\s*$/.test(line)) return ''; // table separator row
  let s = line;
  if (/^\s{0,3}#{1,6}(\s|$)/.test(s)) s = s.replace(/^\s{0,3}#{1,6}\s*/, '').replace(/\s+#+\s*$/, '');
  s = s
    .replace(/^\s*(>\s?)+/, '')
    .replace(/^(\s*)[-*+]\s+\[[ xX]\]\s+/, '$1- ')
    .replace(/^(\s*)[*+]\s+/, '$1- ');
  if (/^\s*\|.*\|\s*$/.test(s)) {
    s = s.trim().slice(1, -1).split('|').map((cell) => cell.trim()).join(' | ');
  }
  return s
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/<((?:https?:|mailto:)[^>\s]+)>/g, '$1')
    .replace(/<\/?[A-Za-z][^>]*>/g, '')
    .replace(/(`+)(.+?)\1/g, '$2')
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/~~(?=\S)(.+?)(?<=\S)~~/g, '$1')
    .replace(/(?<![\p{L}\p{N}*\\])\*(?=\S)(.+?)(?<=\S)\*(?![\p{L}\p{N}*])/gu, '$1')
    .replace(/(?<![\p{L}\p{N}_])_(?=\S)(.+?)(?<=\S)_(?![\p{L}\p{N}_])/gu, '$1');
}
