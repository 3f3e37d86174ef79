/**
 * Shows untrusted email HTML in an iframe with an empty `sandbox` (no scripts, no forms, no
 * same-origin access, no top navigation), as DESIGN.md requires for previews.
 */
export function EmailFrame({ html, title }: { html: string; title: string }) {
  return (
    <iframe className="email-frame" sandbox="" srcDoc={html} title={title} referrerPolicy="no-referrer" />
  );
}
