// Outlook-style dates for the preview: a time for today, a short date otherwise.
export function formatListDate(options: { iso: string; now: Date }): string {
  const date = new Date(options.iso);
  if (Number.isNaN(date.getTime())) return '';
  if (date.toDateString() === options.now.toDateString()) return date.toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit' });
  const sameYear = date.getFullYear() === options.now.getFullYear();
  return date.toLocaleDateString('en-US', sameYear ? { weekday: 'short', month: 'numeric', day: 'numeric' } : { month: 'numeric', day: 'numeric', year: 'numeric' });
}

export function formatFullDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return date.toLocaleString('en-US', { weekday: 'short', month: 'short', day: 'numeric', year: 'numeric', hour: 'numeric', minute: '2-digit' });
}
