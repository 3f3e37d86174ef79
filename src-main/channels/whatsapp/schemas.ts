import { z } from 'zod';
import type { RemoteTemplate } from './types';

/*
 * Zod schemas for what the Cloud API answers (whatsapp-cloud-api.md). Objects are loose: Meta adds
 * fields over time and an unknown field must never turn an accepted message into an error.
 */

/** `{"error":{message,type,code,error_subcode?,error_data?{details},fbtrace_id?,is_transient?}}`. */
export const GraphErrorBody = z.looseObject({
  error: z.looseObject({
    message: z.string().default(''),
    type: z.string().optional(),
    code: z.number().int(),
    error_subcode: z.number().int().optional(),
    error_data: z.looseObject({ details: z.string().optional() }).or(z.string()).optional(),
    error_user_title: z.string().optional(),
    error_user_msg: z.string().optional(),
    is_transient: z.boolean().optional(),
    fbtrace_id: z.string().optional(),
  }),
});
export type GraphErrorBody = z.infer<typeof GraphErrorBody>;

/** Success of `POST /{phone-number-id}/messages` ("Send messages"). */
export const SendResponse = z.looseObject({
  messaging_product: z.string().optional(),
  contacts: z.array(z.looseObject({ input: z.string().optional(), wa_id: z.string().optional() })).optional(),
  messages: z.array(z.looseObject({ id: z.string().min(1), message_status: z.string().optional() })).min(1),
});

/** `GET /{phone-number-id}?fields=…` ("Reading the number"); only `id` is always present. */
export const PhoneNumberResponse = z.looseObject({
  id: z.string(),
  verified_name: z.string().optional(),
  display_phone_number: z.string().optional(),
  quality_rating: z.string().optional(),
  whatsapp_business_manager_messaging_limit: z.string().optional(),
  messaging_limit_tier: z.string().optional(),
  throughput: z.looseObject({ level: z.string().optional() }).optional(),
  status: z.string().optional(),
  code_verification_status: z.string().optional(),
  name_status: z.string().optional(),
  health_status: z.unknown().optional(),
});

const HealthError = z.looseObject({
  error_code: z.number().int().optional(),
  error_description: z.string().optional(),
  possible_solution: z.string().optional(),
});

/** `health_status` of a phone number ("Health status": can_send_message per entity, with errors). */
export const HealthStatusSchema = z.looseObject({
  can_send_message: z.string(),
  entities: z
    .array(
      z.looseObject({
        entity_type: z.string().default(''),
        id: z.union([z.string(), z.number()]).transform(String).default(''),
        can_send_message: z.string().default('AVAILABLE'),
        errors: z.array(HealthError).default([]),
      }),
    )
    .default([]),
});

/** Success of `POST /{phone-number-id}/media` ("Upload media"). */
export const UploadMediaResponse = z.looseObject({ id: z.string().min(1) });

const NamedExample = z.looseObject({ param_name: z.string(), example: z.string() });

const TemplateButton = z.looseObject({
  type: z.string(),
  text: z.string().default(''),
  url: z.string().optional(),
  phone_number: z.string().optional(),
  example: z.union([z.array(z.string()), z.string()]).optional(),
});

const TemplateComponent = z.looseObject({
  type: z.string(),
  format: z.string().optional(),
  text: z.string().optional(),
  example: z
    .looseObject({
      header_text: z.array(z.string()).optional(),
      header_handle: z.array(z.string()).optional(),
      body_text: z.array(z.array(z.string())).optional(),
      header_text_named_params: z.array(NamedExample).optional(),
      body_text_named_params: z.array(NamedExample).optional(),
    })
    .optional(),
  buttons: z.array(TemplateButton).optional(),
});

/** One template of `GET /{waba-id}/message_templates` ("Template management"). */
export const RemoteTemplateSchema: z.ZodType<RemoteTemplate> = z.looseObject({
  id: z.string(),
  name: z.string(),
  language: z.string(),
  status: z.string(),
  category: z.string(),
  parameter_format: z.enum(['POSITIONAL', 'NAMED']).optional(),
  components: z.array(TemplateComponent).default([]),
});

/** A page of templates; `paging.next` is absent on the last page. */
export const TemplatePage = z.looseObject({
  data: z.array(RemoteTemplateSchema),
  paging: z
    .looseObject({
      cursors: z.looseObject({ before: z.string().optional(), after: z.string().optional() }).optional(),
      next: z.string().optional(),
    })
    .optional(),
});
