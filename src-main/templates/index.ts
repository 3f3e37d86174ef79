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
