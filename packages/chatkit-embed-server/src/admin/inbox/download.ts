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
  // Revoked after the click has been handled; the download holds its own reference.
  queueMicrotask(() => URL.revokeObjectURL(url));
}
