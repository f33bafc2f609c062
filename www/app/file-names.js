// The date in the names of the files the app offers for download (the
// project file, the exported alignment). Its own module: the storage banner
// offers the project file from the first screen, and must not bring the
// result views' code with it.

/** Today as YYYY-MM-DD in the teacher's own time zone, for file names. */
export function dateStamp(date = new Date()) {
  const pad = (n) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
