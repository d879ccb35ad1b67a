/** The listing's filters, as the form holds them and as the admin API reads them. */
export interface Filters {
  search: string;
  /** `YYYY-MM-DD` from a date input, the first day shown (local time), or ''. */
  from: string;
  /** `YYYY-MM-DD`, the last day shown (inclusive, local time), or ''. */
  to: string;
  feedback: '' | 'positive' | 'negative';
}

export const NO_FILTERS: Filters = { search: '', from: '', to: '', feedback: '' };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The query string for the listing and the exports. Dates are whole local days: `from`
 * is the start of its day, `to` the start of the next (the API's `to` is exclusive).
 */
export function filterParams(filters: Filters): URLSearchParams {
  const params = new URLSearchParams();
  const search = filters.search.trim();
  if (search) params.set('search', search);
  if (DAY.test(filters.from)) params.set('from', startOfDay(filters.from, 0));
  if (DAY.test(filters.to)) params.set('to', startOfDay(filters.to, 1));
  if (filters.feedback) params.set('feedback', filters.feedback);
  return params;
}

function startOfDay(day: string, plusDays: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, date + plusDays).toISOString();
}

/** Whether any filter narrows the listing (for the empty-state sentence). */
export function filtered(filters: Filters): boolean {
  return filterParams(filters).size > 0;
}
