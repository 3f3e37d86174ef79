/** Liquid personalisation for user-written templates: compile once, render per contact. */
export { contactVariables, type ContactForTemplate } from './contact-variables';
export { TEMPLATE_LIMITS } from './liquid-engine';
export {
  compileTemplate,
  renderTemplate,
  findVariables,
  TemplateSyntaxError,
  TemplateRenderError,
  type CompiledTemplate,
  type RenderOptions,
  type TemplatePosition,
} from './liquid';
export { prepareEmail, renderEmail, type PreparedEmail, type RenderedEmail } from './email-render';
export { checkEmailTemplate } from './email-check';
export { MAX_ATTACHMENT_BYTES, type EmailAttachment, type PreparedAttachments } from './email-attachments';
export {
  UNSUBSCRIBE_PLACEHOLDER,
  UNSUBSCRIBE_VARIABLE,
  bindUnsubscribe,
  compileUnsubscribeUrl,
  unsubscribeUrlFor,
} from './email-unsubscribe';
