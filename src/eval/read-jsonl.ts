/** Parses JSON lines, keeping the line number of each entry and the error of each bad line. */
export type JsonLine = { line: number; value: unknown } | { line: number; error: string };

export function parseJsonLines(text: string): JsonLine[] {
  const out: JsonLine[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() === '') return;
    try {
      out.push({ line: i + 1, value: JSON.parse(raw) as unknown });
    } catch (error) {
      out.push({ line: i + 1, error: `invalid JSON on line ${i + 1}: ${(error as Error).message}` });
    }
  });
  return out;
}
