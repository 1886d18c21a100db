// Saves an export the API returned as JSON ({ filename, contentType, content }) through the
// browser's download: a Blob URL on a temporary a[download], clicked once, then released.
import type { ExportFile } from '../../../../shared/domain/group.ts';

export function downloadExportFile(file: ExportFile, options: { document?: Document } = {}): void {
  const doc = options.document ?? document;
  const url = URL.createObjectURL(new Blob([file.content], { type: file.contentType }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = file.filename;
  link.style.display = 'none';
  doc.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // Revoked on the next task: some browsers start the download only after click() returns.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}
