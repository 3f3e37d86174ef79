import { z } from 'zod';

/** A request with no input. */
export const Empty = z.object({}).strict();
/** A database id (positive integer). */
export const Id = z.number().int().positive();
