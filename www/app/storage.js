// Placeholder: replaced by the persistence owner (IndexedDB).
export async function restoreProject() {
  return null;
}
export function persist() {}
