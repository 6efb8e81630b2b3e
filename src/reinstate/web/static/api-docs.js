// Starts Swagger UI on the app's own schema (a file, not an inline script: the page's CSP forbids those).
window.addEventListener("load", () => {
  window.SwaggerUIBundle({ url: "/api/openapi.json", dom_id: "#swagger-ui" });
});
