import { z } from 'zod';
import { isoTimestamp } from './common';
import { userSchema } from './users';

export const workingTimeSchema = z
  .object({
    id: z.number().int(),
    date: z.string().meta({ example: '2026-11-23' }),
    start_time: z.string().meta({ example: '09:00' }),
    end_time: z.string().meta({ example: '17:30' }),
    created_date: isoTimestamp,
    created_by: z.number().int(),
  })
  .meta({ id: 'WorkingTime' });
export type WorkingTimeDto = z.infer<typeof workingTimeSchema>;

export const workerProfileSchema = userSchema
  .extend({
    manager: z.object({ id: z.number().int(), first_name: z.string(), last_name: z.string() }).nullable(),
    working_times: z.array(workingTimeSchema),
  })
  .meta({ id: 'WorkerProfile' });

export const managerProfileSchema = userSchema
  .extend({
    workers: z.array(
      z.object({
        id: z.number().int(),
        username: z.string(),
        first_name: z.string(),
        last_name: z.string(),
        working_times: z.array(workingTimeSchema),
      }),
    ),
  })
  .meta({ id: 'ManagerProfile' });

export const profileSchema = z.union([managerProfileSchema, workerProfileSchema]);
export type ProfileDto = z.infer<typeof profileSchema>;
