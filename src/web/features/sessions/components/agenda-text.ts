/**
 * The agenda as plain text for the secretariat's editor: one item per line, a sub-item on a
 * line starting with "-", the symbols of the documents considered in square brackets at the
 * end ("Technical assistance [CAC/COSP/IRG/2020/7]"). The server validates titles and symbols.
 */
export interface AgendaItemInput {
  title: string;
  documents: string[];
  items?: AgendaItemInput[];
}

function parseLine(line: string): AgendaItemInput {
  const match = /^(.*?)\s*\[([^\]]*)\]\s*$/.exec(line);
  const title = (match ? match[1]! : line).trim();
  const documents = match ? match[2]!.split(/[,;\s]+/).filter(Boolean) : [];
  return { title, documents };
}

export function parseAgendaText(text: string): AgendaItemInput[] {
  const items: AgendaItemInput[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    if (line.startsWith('-')) {
      const parent = items[items.length - 1];
      const sub = parseLine(line.slice(1).trim());
      if (parent) parent.items = [...(parent.items ?? []), sub];
      else items.push(sub);
    } else {
      items.push(parseLine(line));
    }
  }
  return items;
}

export function agendaToText(agenda: { depth: number; title: string; documents: { symbol: string }[] }[]): string {
  return agenda
    .map((item) => `${item.depth === 1 ? '- ' : ''}${item.title}${item.documents.length > 0 ? ` [${item.documents.map((d) => d.symbol).join(', ')}]` : ''}`)
    .join('\n');
}
