/**
 * Markdown table rows with the padding Prettier adds around cells removed, so a documented figure can be compared
 * with the measured one however wide the table's columns are.
 */
export function withoutCellPadding(markdown: string): string {
	return markdown.replace(/[ \t]*\|[ \t]*/g, '|');
}
