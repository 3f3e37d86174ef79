/** The email channel: message composition, SMTP transport, error classification. */
export { composeEmail, type ComposeEmailArgs, type Mailbox } from './compose';
export {
  classifySmtpError,
  AUTH_MESSAGE,
  AUTH_REQUIRED_MESSAGE,
  type SmtpErrorAction,
  type SmtpErrorClass,
} from './classify';
export {
  createSmtpChannel,
  smtpPoolOptions,
  type SmtpChannel,
  type SmtpChannelOptions,
  type SmtpConnectionSettings,
  type SmtpSendResult,
} from './smtp';
