/** Saves a blob as a file: a temporary object URL on a link with `download`, then revoked. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked in a later task, not a microtask: the browser starts the download from the
  // click in a task of its own, and a URL revoked before that downloads nothing.
  setTimeout(() => URL.revokeObjectURL(url));
}
