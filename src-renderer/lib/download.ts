/**
 * Offers text as a file download (a Blob URL and a temporary link). CSV gets a UTF-8 byte order mark
 * so Excel opens accented letters correctly.
 */
export function downloadText(fileName: string, parts: string[], mime = 'text/csv;charset=utf-8'): void {
  const bom = mime.startsWith('text/csv') ? ['\uFEFF'] : [];
  const url = URL.createObjectURL(new Blob([...bom, ...parts], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
