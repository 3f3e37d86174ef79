import { defineConfig } from 'drizzle-kit';

/** `npm run db:generate` writes SQL migrations for schema changes; shipped migrations are never edited. */
export default defineConfig({
  dialect: 'sqlite',
  schema: './src-main/store/schema/*.ts',
  out: './migrations',
});
