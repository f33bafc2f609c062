// A classic script, so it runs before any module: records every CSP violation
// of the page, including those the package's loading might cause.
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || "(inline)"} (${e.sourceFile}:${e.lineNumber})`);
});
