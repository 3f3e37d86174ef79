import { sql } from 'drizzle-orm';

/** Times are integer ms since epoch throughout; this is the SQL default for "now". */
export const now = sql`(CAST(unixepoch('subsec') * 1000 AS INTEGER))`;
