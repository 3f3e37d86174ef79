/**
 * Template helpers: parse Meta's template objects, build send payloads, fill previews and check
 * parameter values (whatsapp-cloud-api.md, "Sending" and "Templates").
 */
export {
  fillText,
  parseTemplate,
  placeholderNames,
  type HeaderFormat,
  type ParsedTemplate,
} from './template-parse';
export {
  buildTemplatePayload,
  MAX_CALLBACK_DATA,
  PARAMETER_LIMITS,
  quickReplyPayloadsOf,
  TemplatePayloadError,
  validateParameterValue,
  type HeaderMedia,
  type TemplatePayloadArgs,
} from './template-payload';
